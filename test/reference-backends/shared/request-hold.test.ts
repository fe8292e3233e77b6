import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTouchpointBackend, type TouchpointReferenceBackend } from '../../../src/reference-backends/touchpoint/index.js';

let backend: TouchpointReferenceBackend;
beforeAll(async () => {
  backend = await startTouchpointBackend();
});
afterAll(() => backend.close());

const get = (path: string) =>
  request(`${backend.url}${path}`, { headers: { authorization: `Bearer ${backend.credentials.token}` } }).then(async (r) => {
    await r.body.dump();
    return r.statusCode;
  });

describe('a reference backend holding requests', () => {
  it('holds the matching ones unanswered until released, and counts how many were open at once', async () => {
    backend.hold.resetPeak();
    backend.hold.hold({ path: /^\/v1\/campaigns\// });
    const held = [get('/v1/campaigns/cmp_a'), get('/v1/campaigns/cmp_b'), get('/v1/campaigns/cmp_c')];
    await backend.hold.whenHeld(3);
    // A request the pattern does not match is answered meanwhile.
    expect(await get('/v1/campaigns')).toBe(200);
    expect(backend.hold.held).toBe(3);
    expect(backend.hold.peakOpen).toBe(4);
    backend.hold.release();
    expect(await Promise.all(held)).toEqual([404, 404, 404]);
    expect(backend.hold.held).toBe(0);
    expect(backend.hold.open).toBe(0);
  });
});
