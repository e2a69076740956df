/** `ghl-bridge start`: the HTTP API and (unless `--no-worker`) the job workers, in one process. */
import { ADMIN_TOKEN_FILE } from '../secrets.js';
import type { Config } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { prepareDemoWorkspace, startDemoHighLevel, type DemoHighLevel } from './demo.js';
import { serveHttp, type HttpServer } from './serveHttp.js';
import { join } from 'node:path';

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
  if (options.demo) {
    demo = await startDemoHighLevel(config.host);
    config = Object.freeze({ ...config, highLevelBaseUrl: demo.server.url });
  }
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime({ config, fetch: demo?.fetch, worker: options.worker });
    const http = await serveHttp(runtime.app!, { host: config.host, port: config.port });
    const started = runtime;
    const stop = async () => {
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
    out(`  API           ${http.url}/v1`);
    out(`  OpenAPI       ${http.url}/openapi.json`);
    out(`  Health        ${http.url}/healthz   ${http.url}/readyz   ${http.url}/metrics`);
    out(
      `  HighLevel     ${config.highLevelBaseUrl}${demo ? '   (emulator; its control API is at /_emulator)' : ''}`,
    );
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
    if (demo) {
      const ws = await prepareDemoWorkspace(runtime.app!, secrets.adminToken!, config.dataDir);
      out('');
      out(`  Demo workspace ${ws.workspaceId}, API key ${ws.apiKey}`);
      out(
        `  Connected to the emulated Location ${ws.locationId}${ws.locationName ? ` "${ws.locationName}"` : ''}`,
      );
      out('');
      out('Try it (the demo workspace’s GoHighLevel connection, as a booking platform sees it):');
      out('');
      out(`  curl -s ${http.url}/v1/workspaces/${ws.workspaceId}/integrations/gohighlevel \\`);
      out(`    -H "Authorization: Bearer ${ws.apiKey}"`);
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
