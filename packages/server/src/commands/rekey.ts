/**
 * `ghl-bridge rekey`: re-encrypts every stored credential under the current secret key, the last
 * step of a key rotation (docs/deploy.md#rotating-the-secret-key). Run it once every process has
 * the new key; when it reports nothing undecryptable, the previous keys can be removed.
 */
import type { Config } from '../config.js';
import {
  rekeyCredentials,
  type CredentialKind,
  type RekeyReport,
} from '../crypto/storedCredentials.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { resolveSecrets } from '../secrets.js';

const KIND_NAMES: Record<CredentialKind, string> = {
  gohighlevel_api_key: 'GoHighLevel API key',
  vapi_secret: 'Vapi secret',
  webhook_signing_secret: 'webhook signing secret',
  gohighlevel_oauth_tokens: 'HighLevel app install tokens',
};

/** Returns the exit code: 0 when every credential is under the current key (or would be). */
export async function rekeyCommand(options: {
  config: Config;
  dryRun: boolean;
  out: (line: string) => void;
}): Promise<number> {
  const { config, out } = options;
  const secrets = resolveSecrets(config, { needAdminToken: false });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const report = await rekeyCredentials(database.db, secrets.keyring, {
      dryRun: options.dryRun,
    });
    for (const line of rekeyLines(report, options.dryRun)) out(line);
    return report.undecryptable.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** The report in words: what moved, what could not, and whether the old keys can go. */
export function rekeyLines(report: RekeyReport, dryRun: boolean): string[] {
  const lines = [
    dryRun
      ? `Would re-encrypt ${report.reencrypted} credential(s) under the current secret key ${report.currentKeyId} (dry run: nothing written).`
      : `Re-encrypted ${report.reencrypted} credential(s) under the current secret key ${report.currentKeyId}.`,
  ];
  if (report.changedMeanwhile > 0) {
    lines.push(
      `${report.changedMeanwhile} credential(s) were replaced while this ran (a reconnect): they are under the current key already.`,
    );
  }
  for (const lost of report.undecryptable) {
    lines.push(
      `✗ ${lost.workspaceId ?? `app install ${lost.installId}`}: the ${KIND_NAMES[lost.kind]}${lost.endpointId ? ` of webhook endpoint ${lost.endpointId}` : ''} is encrypted with secret key ${lost.keyId}, which is not configured. Add that key to GHL_BRIDGE_PREVIOUS_SECRET_KEYS and run rekey again, or set the credential again (reconnect GoHighLevel, PUT the voice settings, rotate the webhook endpoint's secret, or install the app again).`,
    );
  }
  if (report.undecryptable.length > 0) {
    lines.push('Keep GHL_BRIDGE_PREVIOUS_SECRET_KEYS until nothing above is left.');
  } else if (!dryRun) {
    lines.push(
      'Every stored credential is under the current key: GHL_BRIDGE_PREVIOUS_SECRET_KEYS can be removed.',
    );
  }
  return lines;
}
