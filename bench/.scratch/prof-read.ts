// scratch: CPU µs per read of gateway vs bare yoga under 32 clients (not committed)
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { concurrentLoad, type LoadRequest } from '../load.js';
import { freePort, peakRssMiB, startBackendsProcess, startNode, stopProcess, waitUntilUp } from '../processes.js';
const rootPath = new URL('../..', import.meta.url).pathname;
const SECONDS = Number(process.env.S ?? 10);
const which = (process.env.WHICH ?? 'bare,gateway').split(',');
const buildDir = join(rootPath, 'bench', '.build');
await build({ entryPoints: [join(rootPath, 'bench', 'bare-yoga-server.ts')], outfile: join(buildDir, 'bare-yoga-server.mjs'), bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'warning' });
const cpuTicks = async (pid: number) => { const s = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' '); return Number(s[11]) + Number(s[12]); };
const backends = await startBackendsProcess();
const tp = backends.entries.find((e) => e.kind === 'touchpoint')!;
const API_KEY = 'bench-read-key-0123456789';
const work = await mkdtemp(join(tmpdir(), 'prof-'));
const configPath = join(work, 'gateway.json');
await writeFile(configPath, JSON.stringify({ backends: backends.entries, auth: { apiKeys: [{ key: API_KEY, scopes: ['campaigns:read'] }] } }));
const natives: string[] = [];
for (let i = 0; i < 200; i++) {
  const r = await fetch(`${tp.baseUrl}/v1/campaigns`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tp.token}` }, body: JSON.stringify({ name: `T ${i}`, channel_type: 'sms' }) });
  natives.push(((await r.json()) as { _id: string })._id);
}
const READ = 'query Read($id: ID!) { campaign(id: $id) { id name status createdAt } }';
const prof = process.env.PROF;
const gport = await freePort();
const gateway = startNode([...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), ...(process.env.GW_FLAGS ? process.env.GW_FLAGS.split(' ') : []), 'dist/main.js'], { GATEWAY_CONFIG: configPath, PORT: String(gport), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' });
const oport = await freePort();
const before = process.env.BEFORE_DIST ? startNode([process.env.BEFORE_DIST], { GATEWAY_CONFIG: configPath, PORT: String(oport), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' }) : undefined;
if (before) await waitUntilUp(`http://127.0.0.1:${oport}/healthz`, before);
const bport = await freePort();
const bare = startNode([...(process.env.PROFB ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFB}`] : []), join(buildDir, 'bare-yoga-server.mjs')], { PORT: String(bport), UPSTREAM_URL: String(tp.baseUrl), UPSTREAM_TOKEN: String(tp.token), NODE_ENV: 'production' });
await waitUntilUp(`http://127.0.0.1:${gport}/healthz`, gateway);
await waitUntilUp(`http://127.0.0.1:${bport}/graphql?query=${encodeURIComponent('{__typename}')}`, bare);
// global ids via gateway
const ids: string[] = [];
let after: string | null = null;
while (ids.length < 200) {
  const r = await fetch(`http://127.0.0.1:${gport}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, body: JSON.stringify({ query: 'query T($after: String) { campaigns(first: 100, after: $after, filter: { backends: ["messaging"] }) { nodes { id nativeId } pageInfo { endCursor } } }', variables: { after } }) });
  const j = (await r.json()) as any; for (const n of j.data.campaigns.nodes) if (natives.includes(n.nativeId)) ids.push(n.id); after = j.data.campaigns.pageInfo.endCursor; if (!after) break;
}
const servers = {
  bare: { child: bare, origin: `http://127.0.0.1:${bport}`, headers: { 'content-type': 'application/json' }, requests: natives.map((id) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id } }) }) as LoadRequest) },
  before: { child: before!, origin: `http://127.0.0.1:${oport}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, requests: ids.map((id) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id } }) }) as LoadRequest) },
  gateway: { child: gateway, origin: `http://127.0.0.1:${gport}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, requests: ids.map((id) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id } }) }) as LoadRequest) },
};
for (const round of [1, 2, 3]) for (const name of which) {
  const s = servers[name as 'bare' | 'gateway' | 'before'];
  await concurrentLoad(s.origin, s.requests, s.headers, 32, round === 1 ? 4 : 1);
  const t0 = await cpuTicks(s.child.pid!);
  const r = await concurrentLoad(s.origin, s.requests, s.headers, 32, SECONDS);
  const t1 = await cpuTicks(s.child.pid!);
  console.log(`round ${round} ${name}: ${Math.round(r.reqPerSec)} req/s, p50 ${r.p50Ms}, errors ${r.errors}, cpu/req ${Math.round(((t1 - t0) * 10000) / r.requests)} µs, rss ${await peakRssMiB(s.child.pid!)} MiB`);
}
await stopProcess(gateway); await stopProcess(bare); if (before) await stopProcess(before); await backends.stop();
