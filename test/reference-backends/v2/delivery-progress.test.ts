import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startV2Backend, type V2ReferenceBackend } from '../../../src/reference-backends/v2/index.js';
import { callV2, campaignById, validCreate } from './v2-client.js';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const HOUR = 3_600_000;
const FINAL = ['delivered', 'read', 'failed'];

describe('v2 delivery progress', () => {
  const started: V2ReferenceBackend[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((backend) => backend.close()));
  });

  async function start(options: { seed?: boolean; tickIntervalMs?: number } = {}) {
    const clock = new ManualClock(NOW);
    const backend = await startV2Backend({ clock, seed: options.seed ?? false, ...options });
    started.push(backend);
    return { backend, clock };
  }

  async function create(backend: V2ReferenceBackend, accounts: string[], extra: Record<string, unknown> = {}) {
    const clients = accounts.map((accountID, i) => ({ accountID, params: [`Client ${i}`, `ORD-${i}`] }));
    const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate({ clients, ...extra }) });
    expect(answer.status).toBe(200);
    return answer.body.ID as number;
  }

  async function messages(backend: V2ReferenceBackend, id: number) {
    const answer = await callV2(backend, 'GET', `/v2/campaign/getCampMsgs?campaignID=${id}`);
    return answer.body.data as Array<{ MessageKey: string; AccountID: string; Status: string; Error: string; SentAt: string }>;
  }

  it('moves messages one step per tick: nothing is delivered after the first tick', async () => {
    const { backend } = await start();
    const id = await create(backend, ['+966539078942', '+966501234568', '+971501112240', '+966555012391']);
    backend.advance();
    const after = await messages(backend, id);
    expect(after.every((m) => m.Status === 'pending' || m.Status === 'sent')).toBe(true);
    expect(after.some((m) => m.Status === 'sent')).toBe(true);
    expect(await campaignById(backend, id)).toMatchObject({ Status: 'processing', DeliveredCount: 0 });
  });

  it('reaches completed with counters per the contract', async () => {
    const { backend, clock } = await start();
    // The number ending in 7 is unreachable: it fails without ever being sent.
    const id = await create(backend, ['+966539078942', '+966501234568', '+971501112240', '+966590117207']);
    clock.advance(60_000);
    backend.advance(40);
    const final = await messages(backend, id);
    expect(final.every((m) => FINAL.includes(m.Status))).toBe(true);
    const unreachable = final.find((m) => m.AccountID === '+966590117207');
    expect(unreachable).toMatchObject({ Status: 'failed', Error: 'recipient unreachable', SentAt: '' });
    for (const m of final.filter((m) => m.AccountID !== '+966590117207')) {
      expect(['delivered', 'read']).toContain(m.Status);
      expect(m.SentAt).toBe('2026-11-23T12:01:00+03:00');
    }
    expect(await campaignById(backend, id)).toMatchObject({
      Status: 'completed',
      SentCount: 3,
      DeliveredCount: 3,
      FailedCount: 1,
      Total: 4,
      Error: '',
      UpdatedAt: '2026-11-23T12:01:00+03:00',
    });
  });

  it('counts a message that failed after it was sent in SentCount, and a resend can then succeed', async () => {
    const { backend } = await start();
    // A number ending in 3 rejects the first attempt after it left and accepts a resend.
    const id = await create(backend, ['+966539078942', '+966598860233']);
    backend.advance(40);
    const failed = (await messages(backend, id)).find((m) => m.AccountID === '+966598860233');
    expect(failed).toMatchObject({ Status: 'failed', Error: 'message undeliverable' });
    expect(failed?.SentAt).not.toBe('');
    expect(await campaignById(backend, id)).toMatchObject({ Status: 'completed', SentCount: 2, DeliveredCount: 1, FailedCount: 1 });

    await callV2(backend, 'POST', '/v2/campaign/resendMsg', { body: { messageKey: failed?.MessageKey } });
    expect(await campaignById(backend, id)).toMatchObject({ Status: 'processing', SentCount: 1, FailedCount: 0 });
    backend.advance(40);
    expect(await campaignById(backend, id)).toMatchObject({ Status: 'completed', SentCount: 2, DeliveredCount: 2, FailedCount: 0 });
  });

  it('marks a campaign failed when every message failed', async () => {
    const { backend } = await start();
    const id = await create(backend, ['+966500000017', '+966500000027']);
    backend.advance(40);
    expect(await campaignById(backend, id)).toMatchObject({
      Status: 'failed',
      SentCount: 0,
      DeliveredCount: 0,
      FailedCount: 2,
      Error: 'all messages failed',
    });
  });

  it('is deterministic: the same ticks give the same states', async () => {
    const runs = [];
    for (let run = 0; run < 2; run++) {
      const { backend, clock } = await start({ seed: true });
      const id = await create(backend, ['+966539078942', '+966501234568', '+971501112240', '+966555012391', '+201001234566']);
      const snapshots = [];
      for (const ticks of [1, 2, 1, 3]) {
        clock.advance(30_000);
        backend.advance(ticks);
        snapshots.push((await callV2(backend, 'GET', '/v2/campaign/getAll')).text);
        snapshots.push((await callV2(backend, 'GET', `/v2/campaign/getCampMsgs?campaignID=${id}`)).text);
      }
      runs.push(snapshots);
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('keeps a scheduled campaign waiting until the clock passes SendAt, then sends on the next ticks', async () => {
    const { backend, clock } = await start();
    const id = await create(backend, ['+966539078942', '+966501234568'], { SendAt: '2026-11-23T13:00:00+03:00' });
    backend.advance(20);
    expect(await campaignById(backend, id)).toMatchObject({ Status: 'scheduled', SentCount: 0 });
    expect((await messages(backend, id)).map((m) => m.Status)).toEqual(['pending', 'pending']);

    clock.advance(HOUR + 1000);
    const due = await campaignById(backend, id);
    expect(due).toMatchObject({ Status: 'processing', SentCount: 0, UpdatedAt: '2026-11-23T13:00:00+03:00' });
    const refused = await callV2(backend, 'PUT', '/v2/campaign/update', { body: { id, name: 'too late' } });
    expect(refused.status).toBe(400);

    backend.advance(40);
    expect(await campaignById(backend, id)).toMatchObject({
      Status: 'completed',
      SentCount: 2,
      DeliveredCount: 2,
      UpdatedAt: '2026-11-23T13:00:01+03:00',
    });
  });

  it('moves the seeded processing campaign, so a demo shows counts changing', async () => {
    const { backend } = await start({ seed: true });
    const before = await campaignById(backend, 388);
    expect(before).toMatchObject({ Status: 'processing', SentCount: 9, DeliveredCount: 6, FailedCount: 2 });
    backend.advance(3);
    const after = await campaignById(backend, 388);
    expect([after.SentCount, after.DeliveredCount, after.FailedCount]).not.toEqual([9, 6, 2]);
    backend.advance(40);
    // Bader's number ends in 7: the pending message fails, the rest get through.
    expect(await campaignById(backend, 388)).toMatchObject({ Status: 'completed', SentCount: 10, DeliveredCount: 9, FailedCount: 3 });
    expect(await campaignById(backend, 389)).toMatchObject({ Status: 'scheduled', SentCount: 0 });
  });

  it('ticks by itself when tickIntervalMs is set, and close stops it', async () => {
    const { backend } = await start({ tickIntervalMs: 5 });
    const id = await create(backend, ['+966539078942', '+966501234568']);
    const deadline = Date.now() + 5000;
    let campaign = await campaignById(backend, id);
    while (campaign.Status !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      campaign = await campaignById(backend, id);
    }
    expect(campaign.Status).toBe('completed');
    await backend.close();
    started.splice(started.indexOf(backend), 1);
  });
});
