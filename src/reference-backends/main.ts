/**
 * `npm run backends`: starts one reference backend of each registered kind on
 * fixed ports, BACKENDS_BASE_PORT (default 7001) and the ones after it in
 * registry order (127.0.0.1 unless BACKENDS_HOST says otherwise, as in
 * compose), and prints a gateway config (CONTRACT.md format) that points at
 * them. Their data keeps moving (the v2 backend keeps a broadcast in
 * progress), so live counters always move.
 */
import { startAllReferenceBackends } from './start-all.js';

const backends = await startAllReferenceBackends({
  host: process.env.BACKENDS_HOST || '127.0.0.1',
  basePort: Number(process.env.BACKENDS_BASE_PORT ?? 7001),
  live: { tickIntervalMs: 2000 },
});
process.stdout.write(`${JSON.stringify({ port: 4000, backends: backends.configEntries(), pollIntervalMs: 2000 }, null, 2)}\n`);
process.stderr.write(`reference backends listening on ${backends.all.map((b) => b.url).join(', ')} (Ctrl-C stops them)\n`);

const stop = async () => {
  await backends.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
