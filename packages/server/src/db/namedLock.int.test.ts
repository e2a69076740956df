/**
 * HighLevel's refresh tokens are single-use: two processes refreshing the same expired OAuth
 * token at once would leave one of them with a dead token. With the client's `lock` backed by
 * the database, exactly one refresh reaches HighLevel and both processes carry on.
 */
import { HighLevel, oauth, tokensFromResponse, type OAuthTokens } from '@ghl-bridge/client';
import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';
import { oauthRefreshLock } from './namedLock.js';

for (const { name, available } of backends()) {
  describe.skipIf(!available)(`oauthRefreshLock [${name}]`, () => {
    let testDb: TestDatabase;
    /** One connection pool per simulated process (PGlite: one process, one database). */
    let processes: Database[] = [];

    beforeAll(async () => {
      testDb = await createTestDatabase(name);
      const first = await openDatabase(testDb);
      await migrate(first.db);
      // Where this test keeps the tokens, as an OAuth install would.
      await sql`create table test_oauth_tokens (id text primary key, tokens text not null)`.execute(
        first.db,
      );
      processes = name === 'postgres' ? [first, await openDatabase(testDb)] : [first];
    });
    afterAll(async () => {
      for (const p of processes) await p.close();
      await testDb?.drop();
    });

    it('lets exactly one of two clients spend the refresh token', async () => {
      const emulator = createEmulator();
      const fetch = emulatorFetch(emulator);
      const { locationId } = emulator.control.createLocation({ name: 'Spa' });
      const app = emulator.control.registerApp({ name: 'Bridge' });
      const { code } = emulator.control.installApp(app.appId, { locationId });
      const granted = await fetch('http://ghl.test/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: app.clientId,
          client_secret: app.clientSecret,
          grant_type: 'authorization_code',
          code,
        }),
      });
      expect(granted.status).toBe(200);
      // Stored as expired: the next call of every client refreshes first.
      const stored: OAuthTokens = {
        ...tokensFromResponse(await granted.json(), Date.now()),
        expiresAt: 0,
      };
      const db = processes[0]!.db;
      await sql`insert into test_oauth_tokens values (${locationId}, ${JSON.stringify(stored)})`.execute(
        db,
      );

      const clients = [0, 1].map((i) => {
        const database = processes[i % processes.length]!;
        const load = async () => {
          const row = await sql<{ tokens: string }>`
            select tokens from test_oauth_tokens where id = ${locationId}`.execute(database.db);
          return JSON.parse(row.rows[0]!.tokens) as OAuthTokens;
        };
        return new HighLevel({
          baseUrl: 'http://ghl.test',
          fetch,
          auth: oauth({
            clientId: app.clientId,
            clientSecret: app.clientSecret,
            tokens: stored,
            loadTokens: load,
            onTokens: async (tokens) => {
              await sql`update test_oauth_tokens set tokens = ${JSON.stringify(tokens)}
                where id = ${locationId}`.execute(database.db);
            },
            lock: oauthRefreshLock(database, locationId),
          }),
        });
      });
      const before = emulator.control.requests().length;
      const answers = await Promise.all(
        clients.map((hl) => hl.raw('GET', '/locations/{locationId}', { path: { locationId } })),
      );
      expect(answers).toHaveLength(2);
      const refreshes = emulator.control
        .requests()
        .slice(before)
        .filter((r) => r.path === '/oauth/token');
      expect(refreshes).toEqual([expect.objectContaining({ status: 200 })]);
    });
  });
}
