// Completes the CommonJS build in dist/cjs: a package.json that marks its files as CommonJS,
// and the declarations of the ES module build copied beside them, so TypeScript resolves
// `require('@ghl-bridge/client')` to CommonJS types (not ES module types "masquerading" as CJS).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const esm = 'dist';
const cjs = path.join(esm, 'cjs');

function copyDeclarations(dir) {
  for (const entry of readdirSync(path.join(esm, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative !== 'cjs') copyDeclarations(relative);
    } else if (entry.name.endsWith('.d.ts')) {
      mkdirSync(path.join(cjs, dir), { recursive: true });
      copyFileSync(path.join(esm, relative), path.join(cjs, relative));
    }
  }
}

copyDeclarations('');
writeFileSync(path.join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
