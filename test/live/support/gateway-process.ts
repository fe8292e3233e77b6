/**
 * Runs one gateway in its own process, so a test can kill it without any
 * cleanup (no lease released, no connection closed): what a crashed replica
 * looks like to the others. Reads its config as JSON from GATEWAY_CONFIG_JSON
 * and prints `listening <url>` once it serves.
 */
import { pino } from 'pino';
import { parseConfig } from '../../../src/config/load-config.js';
import { startGatewayServer } from '../../../src/server/start-server.js';

const config = parseConfig(JSON.parse(process.env.GATEWAY_CONFIG_JSON!), { env: {} });
const running = await startGatewayServer({ config, logger: pino({ level: 'silent' }), host: '127.0.0.1' });
process.stdout.write(`listening ${running.url}\n`);
