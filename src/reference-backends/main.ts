/**
 * `npm run backends`: starts the four reference backends on fixed ports
 * (127.0.0.1 unless BACKENDS_HOST says otherwise, as in compose) and prints a
 * gateway config (CONTRACT.md format) that points at them. The v2 backend keeps
 * a broadcast in progress, so live counters always move.
 */
import { startAllReferenceBackends } from './start-all.js';

const base = Number(process.env.BACKENDS_BASE_PORT ?? 7001);
const backends = await startAllReferenceBackends({
  host: process.env.BACKENDS_HOST || '127.0.0.1',
  ports: [base, base + 1, base + 2, base + 3],
  tickIntervalMs: 2000,
  keepBroadcasting: true,
});
process.stdout.write(`${JSON.stringify({ port: 4000, backends: backends.configEntries(), pollIntervalMs: 2000 }, null, 2)}\n`);
process.stderr.write(`reference backends listening on ${backends.all.map((b) => b.url).join(', ')} (Ctrl-C stops them)\n`);

const stop = async () => {
  await backends.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
