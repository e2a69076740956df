/**
 * For tests of one-off commands: a fresh database holding a workspace connected to a new emulated
 * Location, stored as `PUT …/integrations/gohighlevel` stores it, for a command to open.
 */
import type { Emulator } from '@ghl-bridge/emulator';
import { keyringFrom } from '../src/crypto/keyring.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { saveConnection } from '../src/highlevel/connectionStore.js';
import { createWorkspace } from '../src/workspaces/workspaceStore.js';
import { createTestDatabase, type BackendName, type TestDatabase } from './backends.js';
import { SECRET_KEY } from './harness.js';

/** @example const { testDb, workspaceId } = await storedWorkspace(emulator, 'pglite'); */
export async function storedWorkspace(emulator: Emulator, backend: BackendName) {
  const { locationId, token } = emulator.control.createLocation({ name: 'Spa Downtown' });
  const testDb: TestDatabase = await createTestDatabase(backend);
  const database = await openDatabase(testDb);
  try {
    await migrate(database.db);
    const { workspace } = await createWorkspace(database.db, { name: 'Spa', features: [] });
    await saveConnection(database.db, keyringFrom([SECRET_KEY]), {
      workspaceId: workspace.id,
      locationId,
      locationName: 'Spa Downtown',
      credentials: { kind: 'api_key', apiKey: token },
      scopes: [],
      connectedAt: new Date(),
    });
    return { testDb, workspaceId: workspace.id, locationId, token };
  } finally {
    await database.close();
  }
}
