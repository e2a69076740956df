/**
 * What tests of `ghl-bridge worker` processes start from: a fresh, migrated PostgreSQL database
 * the test reads directly, and the emulator playing HighLevel on a real port the processes call.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  createEmulator,
  startServer,
  type Emulator,
  type RunningServer,
} from '@ghl-bridge/emulator';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './backends.js';

export interface WorkerWorld {
  testDb: TestDatabase;
  database: Database;
  emulator: Emulator;
  highLevel: RunningServer;
  close(): Promise<void>;
}

/** @example const world = await startWorkerWorld(); … await world.close(); */
export async function startWorkerWorld(): Promise<WorkerWorld> {
  const testDb = await createTestDatabase('postgres');
  const database = await openDatabase(testDb);
  await migrate(database.db);
  const emulator = createEmulator();
  const highLevel = await startServer(emulator, { port: 0 });
  return {
    testDb,
    database,
    emulator,
    highLevel,
    async close() {
      await highLevel.close();
      await database.close();
      await testDb.drop();
    },
  };
}

/**
 * One world for a `describe` block, started before its tests and closed after them; its parts
 * are read through the returned object once started.
 *
 * @example const world = workerWorldPerSuite(); it('…', async () => { await migrate(world.database.db); });
 */
export function workerWorldPerSuite(): Omit<WorkerWorld, 'close'> {
  let world: WorkerWorld | undefined;
  beforeAll(async () => {
    world = await startWorkerWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  const started = () => {
    if (!world) throw new Error('The worker world starts in beforeAll');
    return world;
  };
  return {
    get testDb() {
      return started().testDb;
    },
    get database() {
      return started().database;
    },
    get emulator() {
      return started().emulator;
    },
    get highLevel() {
      return started().highLevel;
    },
  };
}
