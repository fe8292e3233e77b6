/**
 * Process entry: reads the config (or starts the demo), listens, and stops
 * cleanly on SIGTERM/SIGINT. Everything else lives in server/.
 */
import { pino } from 'pino';
import { ADAPTER_FACTORIES } from './adapters/registry.js';
import { startDemo } from './config/demo-config.js';
import { ConfigError, loadConfigFile } from './config/load-config.js';
import { startGatewayServer } from './server/start-server.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['*.key', '*.apiKey', '*.token', '*.sessionToken'] });
const production = process.env.NODE_ENV === 'production';
const portOverride = process.env.PORT ? Number(process.env.PORT) : undefined;

async function main(): Promise<void> {
  const configPath = process.env.GATEWAY_CONFIG;
  let demo: Awaited<ReturnType<typeof startDemo>> | undefined;
  let config;
  if (configPath) {
    config = await loadConfigFile(configPath, { factories: ADAPTER_FACTORIES, production });
    if (portOverride !== undefined) config.port = portOverride;
  } else {
    demo = await startDemo(ADAPTER_FACTORIES, portOverride ?? 4000);
    config = demo.config;
    logger.info(`demo mode: four reference backends at ${demo.backends.all.map((b) => b.url).join(', ')}`);
  }
  if (!config.auth) logger.warn('no auth.apiKeys configured: the gateway is open to anyone who can reach it');

  const running = await startGatewayServer({ config, factories: ADAPTER_FACTORIES, logger });
  logger.info(`campaign-gateway listening on ${running.url}`);
  process.stdout.write(`GraphiQL: ${running.url}/graphql\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await demo?.backends.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error({ err: error }, 'startup failed');
  }
  process.exit(1);
});
