/**
 * `npm run bench`: the gateway in front of the four seeded reference backends
 * (in a child process of their own, over loopback HTTP), loaded with autocannon
 * for a few typical operations. Prints a table and writes the numbers as JSON
 * to bench/results/. Every run is bounded in time and stops by itself.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { parseConfig } from '../src/config/load-config.js';
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

const BASE_PORT = Number(process.env.BENCH_BACKENDS_BASE_PORT ?? 17_001);
const backendsProcess = spawn(process.execPath, ['--import', 'tsx', 'src/reference-backends/main.ts'], {
  env: { ...process.env, BACKENDS_BASE_PORT: String(BASE_PORT) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const printed = await new Promise<string>((resolve, reject) => {
  let text = '';
  backendsProcess.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    try {
      JSON.parse(text);
      resolve(text);
    } catch {
      // not the whole config yet
    }
  });
  backendsProcess.once('exit', (code) => reject(new Error(`reference backends exited with ${code}`)));
});
const config = parseConfig({ ...JSON.parse(printed), port: 0 }, { env: {} });
const gateway = await startGatewayServer({ config, logger: pino({ level: 'silent' }), host: '127.0.0.1' });

/** Upstream calls so far, from the gateway's own metrics (every attempt to every backend). */
async function upstreamCalls(): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('gateway_backend_calls_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const rows: Record<string, unknown>[] = [];
try {
  for (const scenario of scenarios) {
    const before = await upstreamCalls();
    const result = await autocannon({
      url: `${gateway.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: scenario.query }),
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const upstream = (await upstreamCalls()) - before;
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
  backendsProcess.kill('SIGTERM');
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
