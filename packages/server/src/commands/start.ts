/**
 * `ghl-bridge start`: the HTTP API and (unless `--no-worker`) the job workers, in one process.
 * The banner is written through `out` (stderr in the CLI: stdout carries the JSON logs only).
 * `--demo` loads the emulator, and only then (`demo.ts` is imported on demand).
 */
import { ADMIN_TOKEN_FILE } from '../secrets.js';
import { DEFAULT_OAUTH_SCOPES, type Config } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import type { DemoHighLevel } from './demo.js';
import { demoBanner } from './demoBanner.js';
import { serveHttp, type HttpServer } from './serveHttp.js';
import { listenFailure } from './startPortInUse.js';
import { publishServerAddress } from './serverAddress.js';
import { join } from 'node:path';
import { parseWebhookPublicKeys } from '../highlevelWebhooks/publicKeys.js';

export interface StartOptions {
  config: Config;
  demo: boolean;
  worker: boolean;
  out: (line: string) => void;
}

export interface Started {
  runtime: Runtime;
  http: HttpServer;
  stop(): Promise<void>;
}

export async function startCommand(options: StartOptions): Promise<Started> {
  let demo: DemoHighLevel | undefined;
  let config = options.config;
  const demoModule = options.demo ? await import('./demo.js') : undefined;
  if (demoModule) {
    demo = await demoModule.startDemoHighLevel(config.host);
    const emulatorKeys = parseWebhookPublicKeys(demo.webhookKeys);
    if (!('keys' in emulatorKeys))
      throw new Error(`emulator webhook keys: ${emulatorKeys.problem}`);
    // The demo's webhook receivers are on this machine (docs/webhooks-out.md#addresses), and its
    // HighLevel signs webhooks with the emulator's keys.
    config = Object.freeze({
      ...config,
      highLevelBaseUrl: demo.server.url,
      webhooksAllowPrivate: true,
      webhookPublicKeys: emulatorKeys.keys,
      // The install link goes to the emulator's location chooser, with an app registered there.
      oauth: config.oauth ?? { ...demo.oauthApp, scopes: DEFAULT_OAUTH_SCOPES },
    });
  }
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime({ config, fetch: demo?.fetch, worker: options.worker });
    const http = await serveHttp(runtime.app!, config).catch((error: unknown) => {
      throw listenFailure(error, config);
    });
    // What changes in the demo's HighLevel comes back to the bridge, as HighLevel's webhooks would.
    demo?.sendWebhooksTo(`${http.url}/v1/webhooks/highlevel`);
    const started = runtime;
    // Lets a command that cannot open the embedded database ask this server (backfill --dry-run).
    const unpublish =
      runtime.database.kind === 'pglite'
        ? publishServerAddress(config.dataDir, http.url)
        : () => {};
    const stop = async () => {
      unpublish();
      await http.close();
      await started.stop();
      await demo?.server.close();
    };
    const { secrets } = runtime;
    const out = options.out;
    out('');
    out(
      options.demo
        ? 'ghl-bridge is running in demo mode: HighLevel is played by a local emulator.'
        : 'ghl-bridge is running.',
    );
    out('');
    out(`  Dashboard     ${http.url}/   (sign in with the admin token or a workspace API key)`);
    out(`  API           ${http.url}/v1`);
    out(`  API docs      ${http.url}/docs`);
    out(`  OpenAPI       ${http.url}/openapi.json`);
    out(`  Health        ${http.url}/healthz   ${http.url}/readyz   ${http.url}/metrics`);
    out(
      `  HighLevel     ${config.highLevelBaseUrl}${demo ? '   (emulator; its control API is at /_emulator)' : ''}`,
    );
    if (config.oauth) {
      out(
        `  App install   ${http.url}/v1/oauth/install   (signed in; to ${demo ? "the emulator's" : "HighLevel's"} location chooser)`,
      );
    }
    out(`  Database      ${runtime.database.description}`);
    out(
      `  Workers       ${options.worker ? 'running in this process' : 'off (--no-worker): run `ghl-bridge worker`'}`,
    );
    out(
      `  Logs          JSON on stdout, level ${config.logLevel}${options.demo && config.logLevel === 'warn' ? ' (LOG_LEVEL=info shows every request)' : ''}`,
    );
    if (options.demo || secrets.generated.adminToken) {
      out(
        `  Admin token   ${secrets.adminToken}   (saved in ${join(config.dataDir, ADMIN_TOKEN_FILE)})`,
      );
    }
    if (secrets.generated.secretKey) {
      out(
        `  Secret key    generated in ${join(config.dataDir, 'secret.key')} (mode 0600); keep it with the data`,
      );
    }
    if (demoModule) {
      const ws = await demoModule.prepareDemoWorkspace(
        runtime.app!,
        secrets.adminToken!,
        config.dataDir,
      );
      const banner = demoBanner(ws, http.url, { emulatorUrl: demo!.server.url });
      for (const line of banner) out(line);
    }
    out('');
    out('Stop with Ctrl+C.');
    return { runtime, http, stop };
  } catch (error) {
    await runtime?.stop().catch(() => undefined);
    await demo?.server.close().catch(() => undefined);
    throw error;
  }
}
