import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startV2Backend, type V2ReferenceBackend } from '../../../src/reference-backends/v2/index.js';
import { allCampaigns, callV2, ORDER_CONFIRMATION, validCreate } from './v2-client.js';

/** appointment_reminder: BODY and JSON both use {{1}} {{2}} {{3}}. */
const APPOINTMENT_REMINDER = '9b7e4d12-6a3f-4c85-b1e0-7f2d9a5c3e48';
/** welcome_back: {{1}} only in the JSON (header image), {{2}} in BODY and JSON. */
const WELCOME_BACK = '2e6a9f30-8c1b-4d57-a3e9-5b0f7c2d4a16';

const MESSAGES = {
  name: 'invalid request: name is required',
  sendAt: 'invalid request: SendAt must be RFC 3339',
  clients: 'invalid request: at least 2 clients required',
  template: 'invalid request: template not found',
  jsonOrTemplate: 'invalid request: JSON or TempMsgID required',
  jsonParams: 'invalid request: not enough params for variables in JSON',
  templateParams: 'invalid request: each client must have params for all template variables',
};

const twoClients = (first: string[], second: string[] = first) => [
  { accountID: '+966539078942', params: first },
  { accountID: '+966501234568', params: second },
];

describe('v2 create validation', () => {
  let backend: V2ReferenceBackend;

  beforeAll(async () => {
    backend = await startV2Backend({ seed: false, clock: new ManualClock(Date.UTC(2026, 10, 23, 9)) });
  });
  afterAll(async () => {
    await backend.close();
  });

  async function expectRejected(body: unknown, error: string) {
    const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error });
  }

  describe('each rule, with the seed’s exact message', () => {
    it('requires a name that is not blank', async () => {
      await expectRejected(validCreate({ name: undefined }), MESSAGES.name);
      await expectRejected(validCreate({ name: '' }), MESSAGES.name);
      await expectRejected(validCreate({ name: ' \t\n\u00a0' }), MESSAGES.name);
    });

    it('requires SendAt, when given, to be RFC 3339', async () => {
      for (const SendAt of ['2025-03-03 14:32:25', '2025-03-03', '03/03/2025 14:32', '2025-02-30T10:00:00Z', '2025-03-03T24:00:00Z', '2025-03-03T14:32:25', 'soon']) {
        await expectRejected(validCreate({ SendAt }), MESSAGES.sendAt);
      }
    });

    it('accepts the RFC 3339 forms Go accepts', async () => {
      for (const SendAt of ['2025-03-03T14:32:25+03:00', '2025-03-04T11:31:25.000Z', '2025-03-03T14:32:25,5-05:30', '2025-03-03T9:32:25Z']) {
        const answer = await callV2(backend, 'POST', '/v2/campaign/create', { body: validCreate({ SendAt }) });
        expect(answer.status, SendAt).toBe(200);
      }
    });

    it('requires at least 2 clients', async () => {
      await expectRejected(validCreate({ clients: undefined }), MESSAGES.clients);
      await expectRejected(validCreate({ clients: [] }), MESSAGES.clients);
      await expectRejected(validCreate({ clients: [{ accountID: '+966539078942', params: ['John', 'ORD-1'] }] }), MESSAGES.clients);
    });

    it('requires a TempMsgID, when given, to name a template', async () => {
      await expectRejected(validCreate({ TempMsgID: '00000000-0000-0000-0000-000000000000' }), MESSAGES.template);
    });

    it('requires JSON or TempMsgID', async () => {
      await expectRejected(validCreate({ TempMsgID: undefined }), MESSAGES.jsonOrTemplate);
    });

    it('requires the first client to have a param for every variable of the template JSON', async () => {
      await expectRejected(validCreate({ clients: twoClients(['John'], ['John', 'ORD-1']) }), MESSAGES.jsonParams);
    });

    it('counts the variables of the given JSON instead of the template’s', async () => {
      const json = '{"components":[{"type":"body","parameters":[{"text":"{{1}}"},{"text":"{{2}}"},{"text":"{{3}}"},{"text":"{{1}}"}]}]}';
      await expectRejected(validCreate({ JSON: json, clients: twoClients(['a', 'b']) }), MESSAGES.jsonParams);
      await expectRejected({ name: 'Raw', JSON: json, clients: twoClients(['a', 'b'], ['a', 'b', 'c']) }, MESSAGES.jsonParams);
      const ok = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: { name: 'Raw', JSON: json, clients: twoClients(['a', 'b', 'c'], []) },
      });
      expect(ok.status).toBe(200);
    });

    it('requires every client to have exactly as many params as the template’s distinct variables', async () => {
      await expectRejected(validCreate({ clients: twoClients(['John', 'ORD-1'], ['Mona']) }), MESSAGES.templateParams);
      await expectRejected(validCreate({ clients: twoClients(['John', 'ORD-1', 'extra']) }), MESSAGES.templateParams);
      await expectRejected(
        validCreate({ TempMsgID: APPOINTMENT_REMINDER, clients: twoClients(['Sara', 'Smile Dental', '2 Dec'], ['Lama', 'Smile Dental']) }),
        MESSAGES.templateParams,
      );
    });

    it('counts template variables across BODY and JSON together', async () => {
      // welcome_back's BODY has only {{2}}; its JSON adds {{1}}: two params each.
      await expectRejected(validCreate({ TempMsgID: WELCOME_BACK, clients: twoClients(['Khalid']) }), MESSAGES.jsonParams);
      const ok = await callV2(backend, 'POST', '/v2/campaign/create', {
        body: validCreate({ TempMsgID: WELCOME_BACK, clients: twoClients(['https://example.com/image1.png', '']) }),
      });
      expect(ok.status).toBe(200);
    });

    it('checks template params even when the given JSON needs fewer', async () => {
      // JSON with one variable: the first client passes the JSON rule but the template needs two.
      await expectRejected(validCreate({ JSON: '{"text":"{{1}}"}', clients: twoClients(['John']) }), MESSAGES.templateParams);
    });
  });

  describe('the order of the rules: the first failing one answers', () => {
    it('name before SendAt', async () => {
      await expectRejected(validCreate({ name: '', SendAt: 'never' }), MESSAGES.name);
    });

    it('SendAt before the client count', async () => {
      await expectRejected(validCreate({ SendAt: 'never', clients: [] }), MESSAGES.sendAt);
    });

    it('client count before the template', async () => {
      await expectRejected(validCreate({ clients: [], TempMsgID: 'no-such-template' }), MESSAGES.clients);
    });

    it('template before the JSON params', async () => {
      await expectRejected(validCreate({ TempMsgID: 'no-such-template', clients: twoClients([]) }), MESSAGES.template);
    });

    it('JSON or TempMsgID before the params', async () => {
      await expectRejected({ name: 'x', clients: twoClients([]) }, MESSAGES.jsonOrTemplate);
    });

    it('JSON params before template params', async () => {
      await expectRejected(validCreate({ clients: twoClients(['John'], ['a', 'b', 'c', 'd']) }), MESSAGES.jsonParams);
    });

    it('an empty request fails on the name', async () => {
      await expectRejected({}, MESSAGES.name);
    });
  });

  it('stores nothing for a rejected request', async () => {
    const before = (await allCampaigns(backend)).length;
    await expectRejected(validCreate({ clients: [] }), MESSAGES.clients);
    expect(await allCampaigns(backend)).toHaveLength(before);
  });

  it('keeps the seed’s example request 1 (one client) rejected: at least 2 clients', async () => {
    await expectRejected(
      {
        name: 'Order Confirmation Campaign',
        clients: [{ accountID: '+966539078942', params: ['John', 'ORD-12345'] }],
        TempMsgID: ORDER_CONFIRMATION,
        SendAt: '2025-03-03T14:32:25+03:00',
      },
      MESSAGES.clients,
    );
  });
});
