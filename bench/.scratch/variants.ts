// scratch: CPU µs per read, several gateway variants side by side (not committed)
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concurrentLoad, sequentialLoad, type LoadRequest } from '../load.js';
import { freePort, peakRssMiB, startBackendsProcess, startNode, stopProcess, waitUntilUp } from '../processes.js';
const SECONDS = Number(process.env.S ?? 6);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
// VARIANTS="name=script|ENV=v,ENV2=v;name2=..."
const variants = (process.env.VARIANTS ?? 'cur=dist/main.js').split(';').map((v) => { const [name, rest] = v.split('='); const [script, envs] = (rest + (v.split('=').slice(2).length ? '=' + v.split('=').slice(2).join('=') : '')).split('|'); return { name: name!, script: script!, env: Object.fromEntries((envs ?? '').split(',').filter(Boolean).map((kv) => kv.split(':') as [string, string])) }; });
const cpuTicks = async (pid: number) => { const s = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' '); return Number(s[11]) + Number(s[12]); };
const backends = await startBackendsProcess();
const tp = backends.entries.find((e) => e.kind === 'touchpoint')!;
const API_KEY = 'bench-read-key-0123456789';
const work = await mkdtemp(join(tmpdir(), 'var-'));
const configPath = join(work, 'gateway.json');
await writeFile(configPath, JSON.stringify({ backends: backends.entries, auth: { apiKeys: [{ key: API_KEY, scopes: ['campaigns:read'] }] } }));
const READ = 'query Read($id: ID!) { campaign(id: $id) { id name status createdAt } }';
const procs = [];
for (const v of variants) {
  const port = await freePort();
  const child = startNode([v.script], { GATEWAY_CONFIG: configPath, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...v.env });
  await waitUntilUp(`http://127.0.0.1:${port}/healthz`, child);
  procs.push({ ...v, child, origin: `http://127.0.0.1:${port}` });
}
for (let i = 0; i < 200; i++) await fetch(`${tp.baseUrl}/v1/campaigns`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tp.token}` }, body: JSON.stringify({ name: `T ${i}`, channel_type: 'sms' }) });
const ids: string[] = [];
let after: string | null = null;
while (ids.length < 200) {
  const r = await fetch(`${procs[0]!.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, body: JSON.stringify({ query: 'query T($after: String) { campaigns(first: 100, after: $after, filter: { backends: ["messaging"] }) { nodes { id } pageInfo { endCursor } } }', variables: { after } }) });
  const j = (await r.json()) as any; ids.push(...j.data.campaigns.nodes.map((n: any) => n.id)); after = j.data.campaigns.pageInfo.endCursor; if (!after) break;
}
const requests = ids.map((id) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: READ, variables: { id } }) }) as LoadRequest);
const headers = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };
const sums = new Map<string, number[]>();
for (let round = 1; round <= ROUNDS; round++) for (const p of round % 2 ? procs : [...procs].reverse()) {
  await concurrentLoad(p.origin, requests, headers, 32, round === 1 ? 3 : 1);
  const t0 = await cpuTicks(p.child.pid!);
  const r = process.env.ONE ? await sequentialLoad(p.origin, requests, headers, SECONDS) : await concurrentLoad(p.origin, requests, headers, 32, SECONDS); if (process.env.ONE) console.log('p50', r.p50Ms);
  const t1 = await cpuTicks(p.child.pid!);
  const cpu = Math.round(((t1 - t0) * 10000) / r.requests);
  (sums.get(p.name) ?? sums.set(p.name, []).get(p.name)!).push(cpu);
  console.log(`round ${round} ${p.name}: ${Math.round(r.reqPerSec)} req/s, errors ${r.errors}, cpu/req ${cpu} µs, rss ${await peakRssMiB(p.child.pid!)} MiB`);
}
for (const [name, v] of sums) console.log(`${name}: median cpu/req ${[...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]} µs (${v.join(', ')})`);
for (const p of procs) await stopProcess(p.child);
await backends.stop();
