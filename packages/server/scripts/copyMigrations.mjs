// The SQL migrations ship beside the compiled code: `db/migrate.ts` reads them from
// `./migrations` next to itself, in src/ and in dist/ alike.
import { cpSync } from 'node:fs';

cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
