/**
 * `npm run bench`: the project's performance record. On one machine, in one run:
 *
 * - a one-campaign read at 1 and at 32 concurrent clients against three servers:
 *   the backend itself (a direct upstream call), a bare graphql-yoga + undici server
 *   (`bare-yoga-server.ts`) and the gateway, compiled (`npm run build`, then
 *   `node dist/main.js`, with auth, limits and metrics on);
 * - with 100 ms of latency on every backend: upstream calls per request and p50
 *   of a lean list, a rich list and `nodes(ids)` of 20 campaigns;
 * - the upstream calls of 16 concurrent identical reads;
 * - the 32-client read once more, bare yoga and the gateway in turns (`BENCH_ROUNDS`,
 *   default 4, alternating which goes first), with the CPU time per read in each process:
 *   medians that move less with the machine's other work than one window each;
 * - the gateway's peak RSS (`VmHWM`) under the 32-client load.
 *
 * The reference backends run in a child process of their own and count the
 * requests they receive. Prints one table and writes it as JSON to bench/results/.
 * `BENCH_DURATION_S` (default 8) sets the length of each load run, `BENCH_LIST_REQUESTS`
 * (default 15) how many times each list is sent; `BENCH_MAX_CONNECTIONS` sets every
 * backend's pool (default: the config's default); `BENCH_CPU_PROF=<dir>` runs the gateway
 * under `node --cpu-prof` into that directory; `BENCH_SKIP_BUILD=1` uses `dist/` as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { concurrentLoad, percentiles, sequentialLoad, type LoadRequest, type LoadResult } from './load.js';
import { cpuSecondsOf, freePort, peakRssMiB, startBackendsProcess, startNode, stopProcess, waitUntilUp } from './processes.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const WARMUP_S = 2;
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const LATENCY_MS = 100;
const READ_TARGETS = 1000;
const API_KEY = 'bench-read-key-0123456789';
const root = new URL('..', import.meta.url);
const rootPath = root.pathname;

const READ = 'query Read($id: ID!) { campaign(id: $id) { id name status createdAt } }';
const LEAN_LIST = '{ campaigns(first: 20) { nodes { id name status createdAt } } }';
const RICH_LIST = '{ campaigns(first: 20) { nodes { id name status createdAt channels touchpoints { id type } deliveryStats { sent } } } }';
const NODES = 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Campaign { name status createdAt } } }';

interface Row {
  measure: string;
  'req/s': number | null;
  'p50 ms': number | null;
  'p99 ms': number | null;
  'upstream calls / req': number | null;
  'vs bare yoga': number | null;
  target: string;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

if (process.env.BENCH_SKIP_BUILD !== '1') {
  const built = spawnSync('npm', ['run', 'build'], { cwd: rootPath, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}
const buildDir = join(rootPath, 'bench', '.build');
await build({
  entryPoints: [join(rootPath, 'bench', 'bare-yoga-server.ts')],
  outfile: join(buildDir, 'bare-yoga-server.mjs'),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});

const backends = await startBackendsProcess();
const touchpointEntry = backends.entries.find((entry) => entry.kind === 'touchpoint')!;
const workspaceEntry = backends.entries.find((entry) => entry.kind === 'workspace')!;
// Every backend's connection pool: the config's default unless BENCH_MAX_CONNECTIONS says otherwise.
const maxConnections = process.env.BENCH_MAX_CONNECTIONS ? { maxConnections: Number(process.env.BENCH_MAX_CONNECTIONS) } : {};
const work = await mkdtemp(join(tmpdir(), 'campaign-gateway-bench-'));
const configPath = join(work, 'gateway.json');
await writeFile(
  configPath,
  JSON.stringify({ backends: backends.entries.map((entry) => ({ ...entry, ...maxConnections })), auth: { apiKeys: [{ key: API_KEY, scopes: ['campaigns:read'] }] } }, null, 2),
);

const gatewayPort = await freePort();
const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
const profileDir = process.env.BENCH_CPU_PROF;
const gateway = startNode([...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/main.js'], {
  GATEWAY_CONFIG: configPath,
  PORT: String(gatewayPort),
  HOST: '127.0.0.1',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
});
const barePort = await freePort();
const bareOrigin = `http://127.0.0.1:${barePort}`;
const bare = startNode([join(buildDir, 'bare-yoga-server.mjs')], {
  PORT: String(barePort),
  UPSTREAM_URL: String(touchpointEntry.baseUrl),
  UPSTREAM_TOKEN: String(touchpointEntry.token),
  UPSTREAM_CONNECTIONS: String(maxConnections.maxConnections ?? 32),
  NODE_ENV: 'production',
});

const rows: Row[] = [];
const details: Record<string, unknown> = {};
try {
  await waitUntilUp(`${gatewayOrigin}/healthz`, gateway);
  await waitUntilUp(`${bareOrigin}/graphql?query=${encodeURIComponent('{__typename}')}`, bare);
  const gatewayHeaders = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${gatewayOrigin}/graphql`, { method: 'POST', headers: gatewayHeaders, body: JSON.stringify({ query, variables }) });
    const result = (await response.json()) as { data?: T; errors?: unknown[] };
    if (result.errors?.length || !result.data) throw new Error(`the gateway answered errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  // With 100 ms on every backend: the lists, then 16 identical reads at once. A page's
  // ids and a touchpoint campaign are read before the latency goes on.
  const page = (await graphql<{ campaigns: { nodes: { id: string; backend: { name: string } }[] } }>('{ campaigns(first: 20) { nodes { id backend { name } } } }'))
    .campaigns.nodes;
  const ids = page.map((n) => n.id);
  const oneTouchpointCampaign = page.find((n) => n.backend.name === 'messaging')!.id;
  await backends.setLatency(LATENCY_MS);
  const lists = [
    { name: 'lean list: campaigns(first: 20) { id name status createdAt }', query: LEAN_LIST, variables: {}, target: '1 call per backend; p50 ≤ 150 ms' },
    { name: 'rich list: + channels touchpoints { id type } deliveryStats { sent }', query: RICH_LIST, variables: {}, target: 'p50 ≤ 260 ms' },
    { name: 'nodes(ids) of 20 campaigns', query: NODES, variables: { ids }, target: 'one round' },
  ];
  /** p50 and upstream calls per request of one list query, sent one after another. */
  const measureList = async (list: (typeof lists)[number]) => {
    await graphql(list.query, list.variables);
    await backends.takeCounts();
    const latencies: number[] = [];
    for (let i = 0; i < LIST_REQUESTS; i += 1) {
      const sent = performance.now();
      await graphql(list.query, list.variables);
      latencies.push(performance.now() - sent);
    }
    const counts = await backends.takeCounts();
    const { p50Ms, p99Ms } = percentiles(latencies);
    const perRequest = Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, round(n / LIST_REQUESTS)]));
    details[`${list.name} (${LATENCY_MS} ms upstream)`] = { p50Ms, p99Ms, upstreamCallsPerRequest: perRequest };
    rows.push({
      measure: `${LATENCY_MS} ms upstream · ${list.name}`,
      'req/s': null,
      'p50 ms': round(p50Ms, 1),
      'p99 ms': round(p99Ms, 1),
      'upstream calls / req': round(Object.values(counts).reduce((a, b) => a + b, 0) / LIST_REQUESTS),
      'vs bare yoga': null,
      target: `${list.target} (workspace / v2 / schemaType / touchpoint: ${Object.values(perRequest).join(' / ')})`,
    });
  };
  for (const list of lists) await measureList(list);

  // A page of 20 campaigns of one workspace backend: 20 full records to read after its list.
  await backends.setLatency(0);
  for (let i = 0; i < 20; i += 1) {
    const response = await fetch(`${String(workspaceEntry.baseUrl)}/api/workspaces/${String(workspaceEntry.workspaceId)}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${String(workspaceEntry.sessionToken)}` },
      body: JSON.stringify({
        name: `Bench workflow ${i}`,
        type: 'AUTOMATED',
        workflow: { nodes: [{ id: 'n1', kind: 'ACTION', type: 'SEND_MESSAGE', position: 0, config: { channel: 'EMAIL', subject: 'Hi', body: 'Hello' } }], edges: [] },
      }),
    });
    if (response.status !== 201) throw new Error(`creating a workspace campaign failed with ${response.status}`);
  }
  await backends.setLatency(LATENCY_MS);
  await measureList({
    name: 'rich list of 20 campaigns of the workspace backend alone',
    query: RICH_LIST.replace('first: 20', 'first: 20, filter: { backends: ["growth"] }'),
    variables: {},
    target: 'two rounds',
  });

  await backends.takeCounts();
  await Promise.all(Array.from({ length: 16 }, () => graphql(READ, { id: oneTouchpointCampaign })));
  const identical = Object.values(await backends.takeCounts()).reduce((a, b) => a + b, 0);
  details.sixteenIdenticalReadsUpstreamCalls = identical;
  rows.push({
    measure: `${LATENCY_MS} ms upstream · 16 concurrent identical campaign(id) reads`,
    'req/s': null,
    'p50 ms': null,
    'p99 ms': null,
    'upstream calls / req': round(identical / 16),
    'vs bare yoga': null,
    target: `${identical} calls in all (≤ 2)`,
  });
  await backends.setLatency(0);

  // The one-campaign read picks one of a thousand touchpoint campaigns at random, so that
  // concurrent clients seldom read the same one (identical reads in flight share one call).
  for (let i = 0; i < READ_TARGETS; i += 1) {
    const response = await fetch(`${String(touchpointEntry.baseUrl)}/v1/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${String(touchpointEntry.token)}` },
      body: JSON.stringify({ name: `Bench read target ${i}`, channel_type: 'sms' }),
    });
    if (response.status !== 201) throw new Error(`creating a read target failed with ${response.status}`);
  }
  const targets: { id: string; nativeId: string }[] = [];
  for (let after: string | null = null; targets.length < READ_TARGETS; ) {
    const answer: { campaigns: { nodes: { id: string; nativeId: string }[]; pageInfo: { endCursor: string | null } } } = await graphql(
      'query Targets($after: String) { campaigns(first: 100, after: $after, filter: { backends: ["messaging"] }) { nodes { id nativeId } pageInfo { endCursor } } }',
      { after },
    );
    targets.push(...answer.campaigns.nodes);
    after = answer.campaigns.pageInfo.endCursor;
  }
  const servers: { name: string; origin: string; headers: Record<string, string>; requests: LoadRequest[] }[] = [
    {
      name: 'direct upstream call',
      origin: String(touchpointEntry.baseUrl),
      headers: { authorization: `Bearer ${String(touchpointEntry.token)}` },
      requests: targets.map((c) => ({ method: 'GET', path: `/v1/campaigns/${c.nativeId}` })),
    },
    {
      name: 'bare graphql-yoga + undici',
      origin: bareOrigin,
      headers: { 'content-type': 'application/json' },
      requests: targets.map((c) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id: c.nativeId } }) })),
    },
    {
      name: 'gateway',
      origin: gatewayOrigin,
      headers: gatewayHeaders,
      requests: targets.map((c) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id: c.id } }) })),
    },
  ];

  for (const clients of [1, 32]) {
    const measured = new Map<string, LoadResult>();
    for (const server of servers) {
      const load = (seconds: number) =>
        clients === 1
          ? sequentialLoad(server.origin, server.requests, server.headers, seconds)
          : concurrentLoad(server.origin, server.requests, server.headers, clients, seconds);
      await load(WARMUP_S);
      await backends.takeCounts();
      const result = await load(DURATION_S);
      const counts = await backends.takeCounts();
      measured.set(server.name, result);
      details[`read, ${clients} client(s), ${server.name}`] = { ...result, upstreamCalls: counts };
      if (result.errors > 0) console.warn(`${server.name} at ${clients} client(s): ${result.errors} errors`);
      const bareResult = measured.get('bare graphql-yoga + undici');
      const directResult = measured.get('direct upstream call')!;
      const isGateway = server.name === 'gateway';
      rows.push({
        measure: `read · ${clients} client${clients > 1 ? 's' : ''} · ${server.name}`,
        'req/s': Math.round(result.reqPerSec),
        'p50 ms': round(result.p50Ms),
        'p99 ms': round(result.p99Ms),
        'upstream calls / req': server.name === 'direct upstream call' ? 1 : round(Object.values(counts).reduce((a, b) => a + b, 0) / result.requests),
        'vs bare yoga': isGateway && bareResult ? round(result.reqPerSec / bareResult.reqPerSec) : null,
        target: !isGateway ? '' : clients === 1 ? `p50 over direct ≤ 0.5 ms: ${round(result.p50Ms - directResult.p50Ms)} ms` : '≥ 0.8 × bare yoga',
      });
    }
  }
  // One 8 s window per server moves with whatever else the machine does: the 32-client read
  // once more, bare yoga and the gateway in turns (ABBA), each round's ratio and CPU per read
  // in each process, and the medians.
  const bareServer = servers.find((server) => server.name === 'bare graphql-yoga + undici')!;
  const gatewayServer = servers.find((server) => server.name === 'gateway')!;
  const pidOf = new Map([
    [bareServer, bare.pid!],
    [gatewayServer, gateway.pid!],
  ]);
  const turns: { reqPerSec: Map<string, number>; cpuUs: Map<string, number> }[] = [];
  for (let turn = 0; turn < ROUNDS; turn += 1) {
    const order = turn % 2 === 0 ? [bareServer, gatewayServer] : [gatewayServer, bareServer];
    const measuredTurn = { reqPerSec: new Map<string, number>(), cpuUs: new Map<string, number>() };
    for (const server of order) {
      await concurrentLoad(server.origin, server.requests, server.headers, 32, 1);
      const cpuBefore = await cpuSecondsOf(pidOf.get(server)!);
      const result = await concurrentLoad(server.origin, server.requests, server.headers, 32, DURATION_S);
      const cpuUsed = (await cpuSecondsOf(pidOf.get(server)!)) - cpuBefore;
      measuredTurn.reqPerSec.set(server.name, result.reqPerSec);
      measuredTurn.cpuUs.set(server.name, (cpuUsed * 1e6) / result.requests);
    }
    turns.push(measuredTurn);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const ratios = turns.map((t) => t.reqPerSec.get(gatewayServer.name)! / t.reqPerSec.get(bareServer.name)!);
  const cpuOf = (name: string) => median(turns.map((t) => t.cpuUs.get(name)!));
  details.readInTurns = {
    rounds: ROUNDS,
    ratios: ratios.map((r) => round(r)),
    gatewayReqPerSec: turns.map((t) => Math.round(t.reqPerSec.get(gatewayServer.name)!)),
    bareReqPerSec: turns.map((t) => Math.round(t.reqPerSec.get(bareServer.name)!)),
    gatewayCpuUsPerRead: turns.map((t) => Math.round(t.cpuUs.get(gatewayServer.name)!)),
    bareCpuUsPerRead: turns.map((t) => Math.round(t.cpuUs.get(bareServer.name)!)),
  };
  rows.push({
    measure: `read · 32 clients · gateway and bare yoga in turns: median of ${ROUNDS} rounds`,
    'req/s': Math.round(median(turns.map((t) => t.reqPerSec.get(gatewayServer.name)!))),
    'p50 ms': null,
    'p99 ms': null,
    'upstream calls / req': null,
    'vs bare yoga': round(median(ratios)),
    target: `≥ 0.8 × bare yoga (rounds: ${ratios.map((r) => round(r)).join(', ')})`,
  });
  rows.push({
    measure: 'CPU time per read at 32 clients, in the server process: gateway (bare yoga), median',
    'req/s': null,
    'p50 ms': null,
    'p99 ms': null,
    'upstream calls / req': null,
    'vs bare yoga': round(cpuOf(gatewayServer.name) / cpuOf(bareServer.name)),
    target: `${Math.round(cpuOf(gatewayServer.name))} µs (${Math.round(cpuOf(bareServer.name))} µs)`,
  });

  const rss = await peakRssMiB(gateway.pid!);
  const bareRss = await peakRssMiB(bare.pid!);
  details.gatewayPeakRssMiB = rss;
  details.bareYogaPeakRssMiB = bareRss;
  rows.push({
    measure: 'peak RSS (VmHWM) after the 32-client load: gateway (bare yoga)',
    'req/s': null,
    'p50 ms': null,
    'p99 ms': null,
    'upstream calls / req': null,
    'vs bare yoga': round(rss / bareRss),
    target: `${rss} MiB (${bareRss} MiB); ≤ 160 MiB`,
  });
} finally {
  await stopProcess(gateway);
  await stopProcess(bare);
  await backends.stop();
}

console.table(rows);
const out = {
  at: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus().length} × ${(await readFile('/proc/cpuinfo', 'utf8').catch(() => '')).match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model}`,
  durationSeconds: DURATION_S,
  rows,
  details,
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/bench-${out.at.replace(/[:.]/g, '-')}.json`, import.meta.url);
await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`${out.cpu}, Node ${out.node}; wrote ${file.pathname}`);
