/**
 * `npm run bench`: the gateway in front of the four seeded reference backends
 * (all in this process, over loopback HTTP), loaded with autocannon for a few
 * typical operations. Prints a table and writes the numbers as JSON to
 * bench/results/. Every run is bounded in time and stops by itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { ADAPTER_FACTORIES } from '../src/adapters/registry.js';
import { parseConfig } from '../src/config/load-config.js';
import { startAllReferenceBackends } from '../src/reference-backends/start-all.js';
import { startGatewayServer } from '../src/server/start-server.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const scenarios = [
  { name: 'campaigns(first: 20) across 4 backends', query: '{ campaigns(first: 20) { totalCount nodes { id name status channels createdAt } } }' },
  {
    name: 'campaigns(first: 30) with touchpoints + counters',
    query: '{ campaigns(first: 30) { nodes { id touchpoints { id } deliveryStats { sent } } } }',
  },
  { name: 'backends (no upstream call)', query: '{ backends { name kind capabilities } }' },
];

const backends = await startAllReferenceBackends({ host: '127.0.0.1' });
const config = parseConfig({ port: 0, backends: backends.configEntries() }, { factories: ADAPTER_FACTORIES, env: {} });
const gateway = await startGatewayServer({ config, factories: ADAPTER_FACTORIES, logger: pino({ level: 'silent' }), host: '127.0.0.1' });

const rows: Record<string, unknown>[] = [];
try {
  for (const scenario of scenarios) {
    backends.all.forEach((b) => b.requests.clear());
    const result = await autocannon({
      url: `${gateway.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: scenario.query }),
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const upstream = backends.all.reduce((n, b) => n + b.requests.count(), 0);
    rows.push({
      scenario: scenario.name,
      requests: result.requests.total,
      'req/s (mean)': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      errors: result.errors + result.non2xx,
      'upstream calls / request': result.requests.total ? Number((upstream / result.requests.total).toFixed(2)) : 0,
    });
  }
} finally {
  await gateway.close();
  await backends.close();
}

console.table(rows);
const out = {
  at: new Date().toISOString(),
  node: process.version,
  durationSeconds: DURATION_S,
  connections: CONNECTIONS,
  results: rows,
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/bench-${out.at.replace(/[:.]/g, '-')}.json`, import.meta.url);
await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
