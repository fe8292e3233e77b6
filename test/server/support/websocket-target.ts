/**
 * A gateway with API keys in front of the reference backends, run in a child
 * process so that a test can measure its memory alone. Sends `{ ready: url }`
 * over IPC once listening, and `{ rss }` (bytes) whenever asked with `'rss'`.
 */
import { startListeningGateway } from './listening-gateway.js';
import { AUTH_CONFIG } from './scoped-operations.js';

const gw = await startListeningGateway({ config: AUTH_CONFIG });
process.on('message', (message) => {
  if (message === 'rss') process.send!({ rss: process.memoryUsage().rss });
  if (message === 'stop') void gw.close().then(() => process.exit(0));
});
process.send!({ ready: gw.url });
