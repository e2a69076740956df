import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the dashboard with hot reload and sends API calls to a running
// `ghl-bridge start` (GHL_BRIDGE_URL, default http://127.0.0.1:3000), so the session cookie and
// the Origin check see one origin, as in production where the server serves the build itself.
const api = process.env.GHL_BRIDGE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/v1': { target: api, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
    },
  },
});
