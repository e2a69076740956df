// Files the compiled server reads at run time ship beside it:
// - the SQL migrations: `db/sqlMigrations.ts` reads them from `./migrations` next to itself, in
//   src/ and in dist/ alike;
// - the dashboard's build (`@ghl-bridge/dashboard`, built before this package): served at / from
//   `dist/dashboard`, so the published server needs no dashboard package of its own.
import { cpSync, existsSync, rmSync } from 'node:fs';

cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });

const dashboard = '../dashboard/dist';
rmSync('dist/dashboard', { recursive: true, force: true });
if (existsSync(`${dashboard}/index.html`)) {
  cpSync(dashboard, 'dist/dashboard', { recursive: true });
} else {
  console.warn('copyAssets: no dashboard build in ../dashboard/dist; `/` will say so');
}
