/**
 * What the tests of `ghl-bridge backfill` start from: a fresh database (of one backend) holding a
 * workspace, connected to a Location of an emulator when one is given, and bookings as a file.
 */
import type { Emulator } from '@ghl-bridge/emulator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../src/config.js';
import { keyringFrom } from '../src/crypto/keyring.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { saveConnection } from '../src/highlevel/connectionStore.js';
import { createWorkspace } from '../src/workspaces/workspaceStore.js';
import { createTestDatabase, type BackendName, type TestDatabase } from './backends.js';
import { ADMIN_TOKEN, SECRET_KEY } from './harness.js';

/** `lines` as an NDJSON file in a fresh temporary folder. */
export function ndjson(lines: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ghlb-backfill-')), 'bookings.ndjson');
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return file;
}

export interface BackfillWorld {
  testDb: TestDatabase;
  config: Config;
  workspaceId: string;
  /** The Location connected, when an emulator was given. */
  locationId?: string;
}

/**
 * A fresh `backend` database with a workspace 'Spa'; connected to a new Location of `emulator`
 * when one is given. Drop `testDb` after the test.
 *
 * @example const { config, workspaceId, testDb } = await backfillWorld('pglite', emulator);
 */
export async function backfillWorld(
  backend: BackendName,
  emulator?: Emulator,
): Promise<BackfillWorld> {
  const testDb = await createTestDatabase(backend);
  const config = loadConfig(
    {
      GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
      GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
      GHL_API_BASE_URL: 'http://ghl.test',
      LOG_LEVEL: 'silent',
    },
    { dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl, port: 0 },
  );
  const database = await openDatabase({
    dataDir: testDb.dataDir,
    databaseUrl: testDb.databaseUrl,
  });
  try {
    await migrate(database.db);
    const { workspace } = await createWorkspace(database.db, {
      name: 'Spa',
      features: ['bookings'],
    });
    if (!emulator) return { testDb, config, workspaceId: workspace.id };
    const { locationId, token } = emulator.control.createLocation({ name: 'Spa' });
    await saveConnection(database.db, keyringFrom([SECRET_KEY]), {
      workspaceId: workspace.id,
      locationId,
      locationName: 'Spa',
      credentials: { kind: 'api_key', apiKey: token },
      scopes: [],
      connectedAt: new Date(),
    });
    return { testDb, config, workspaceId: workspace.id, locationId };
  } finally {
    await database.close();
  }
}
