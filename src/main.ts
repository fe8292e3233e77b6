/**
 * Process entry: reads the config (or starts the demo), listens, and stops
 * cleanly on SIGTERM/SIGINT. Everything else lives in server/.
 *
 * Environment: GATEWAY_CONFIG (the config file), PORT and HOST (override the
 * file's `port` and `host`), NODE_ENV=production (no demo unless GATEWAY_DEMO=1;
 * GraphiQL and introspection off unless configured), LOG_LEVEL (default info),
 * OTEL_EXPORTER_OTLP_ENDPOINT (export spans over OTLP/HTTP).
 */
import type { Logger } from 'pino';
import { BACKEND_KIND_REGISTRY } from './backend-kinds/registry.js';
import { startDemo, type DemoSetup } from './config/demo-config.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { ConfigError, loadConfigFile } from './config/load-config.js';
import { createLogger, LogLevelError } from './observability/logger.js';
import { installTracing } from './observability/tracing.js';
import { ListenError } from './server/listen.js';
import { startGatewayServer } from './server/start-server.js';

/** A startup problem the operator fixes by changing the environment: printed as is, exit code 1. */
class StartupError extends Error {}

const env = process.env;
const production = env.NODE_ENV === 'production';

function portFromEnv(): number | undefined {
  if (env.PORT === undefined || env.PORT === '') return undefined;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartupError(`PORT "${env.PORT}" is not a port number (0-65535)`);
  return port;
}

async function loadConfig(logger: Logger): Promise<{ config: GatewayConfig; demo?: DemoSetup }> {
  const port = portFromEnv();
  const host = env.HOST || undefined;
  if (env.GATEWAY_CONFIG) {
    const config = await loadConfigFile(env.GATEWAY_CONFIG, { kinds: BACKEND_KIND_REGISTRY, production });
    return { config: { ...config, ...(port === undefined ? {} : { port }), ...(host ? { host } : {}) } };
  }
  if (production && env.GATEWAY_DEMO !== '1') {
    throw new StartupError(
      'NODE_ENV=production and no GATEWAY_CONFIG: set GATEWAY_CONFIG=/path/to/config.json to serve your backends (or GATEWAY_DEMO=1 to serve the demo backends)',
    );
  }
  const demo = await startDemo({ kinds: BACKEND_KIND_REGISTRY, port: port ?? 4000, production, ...(host ? { host } : {}) });
  logger.info(`demo mode: ${demo.backends.all.length} reference backends at ${demo.backends.all.map((b) => b.url).join(', ')}`);
  return { config: demo.config, demo };
}

async function main(): Promise<void> {
  const logger = createLogger({ level: env.LOG_LEVEL || 'info', kinds: BACKEND_KIND_REGISTRY });
  // Spans are recorded only when they go somewhere; without, upstream calls still carry a `traceparent`.
  const exporting = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const tracing = exporting ? await installTracing({ otlp: true }) : { shutdown: async () => {} };
  const { config, demo } = await loadConfig(logger).catch(async (error: unknown) => {
    await tracing.shutdown();
    throw error;
  });
  if (!config.auth) logger.warn('no auth.apiKeys configured: the gateway is open to anyone who can reach it');

  const running = await startGatewayServer({ config, kinds: BACKEND_KIND_REGISTRY, logger, ...(demo ? { examples: demo.examples } : {}) }).catch(
    async (error: unknown) => {
      await demo?.backends.close();
      await tracing.shutdown();
      throw error;
    },
  );
  logger.info(`campaign-gateway listening on ${running.url}`);
  if (config.graphiql) process.stdout.write(`GraphiQL: ${running.url}/graphql\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    // npm forwards the signal the process group already got: the second one changes nothing.
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await demo?.backends.close();
    await tracing.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'could not export the last spans'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof ListenError || error instanceof LogLevelError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
