import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/reference-backends/shared/clock.js';
import { startV2Backend, type V2ReferenceBackend } from '../../../src/reference-backends/v2/index.js';
import { callV2, campaignById, ORDER_CONFIRMATION } from './v2-client.js';

type Endpoint = ['POST' | 'PUT' | 'DELETE', string];
const CREATE: Endpoint = ['POST', '/v2/campaign/create'];
const DELETE: Endpoint = ['DELETE', '/v2/campaign/delete'];
const UPDATE: Endpoint = ['PUT', '/v2/campaign/update'];
const RESEND: Endpoint = ['POST', '/v2/campaign/resendMsg'];

const clientsJson = '[{"accountID":"+966539078942","params":["John","ORD-1"]},{"accountID":"+966501234568","params":["Mona","ORD-2"]}]';

describe('v2 request bodies are decoded as Go encoding/json does', () => {
  let backend: V2ReferenceBackend;

  beforeAll(async () => {
    backend = await startV2Backend({ clock: new ManualClock(Date.UTC(2026, 10, 23, 9)) });
  });
  afterAll(async () => {
    await backend.close();
  });

  async function send([method, path]: Endpoint, body: string) {
    return callV2(backend, method, path, { body });
  }

  async function expectBadRequest(endpoint: Endpoint, body: string, error: string) {
    const answer = await send(endpoint, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error });
  }

  describe('keys match struct fields case-insensitively', () => {
    it('treats name, Name and NAME as the same field', async () => {
      for (const key of ['name', 'Name', 'NAME', 'nAmE']) {
        const answer = await send(CREATE, `{"${key}":"Spelled ${key}","clients":${clientsJson},"TempMsgID":"${ORDER_CONFIRMATION}"}`);
        expect(answer.status).toBe(200);
        expect(answer.body.Name).toBe(`Spelled ${key}`);
      }
    });

    it('treats TempMsgID and tempmsgid, SendAt and sendat, AccountID and ACCOUNTID alike', async () => {
      const answer = await send(
        CREATE,
        `{"name":"x","CLIENTS":[{"ACCOUNTID":"+966539078942","Params":["a","b"]},{"accountid":"+966501234568","pArAmS":["c","d"]}],` +
          `"tempmsgid":"${ORDER_CONFIRMATION}","sendat":"2026-12-01T10:00:00+03:00","MESSAGE":"Hi"}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        TempMsgID: ORDER_CONFIRMATION,
        SendAt: '2026-12-01T10:00:00+03:00',
        Message: 'Hi',
        Clients: [
          { AccountID: '+966539078942', Params: ['a', 'b'] },
          { AccountID: '+966501234568', Params: ['c', 'd'] },
        ],
      });
    });

    it('lets the later of two spellings of one key win', async () => {
      const base = `"clients":${clientsJson},"TempMsgID":"${ORDER_CONFIRMATION}"`;
      expect((await send(CREATE, `{"name":"first","NAME":"second",${base}}`)).body.Name).toBe('second');
      expect((await send(CREATE, `{"NAME":"first","name":"second",${base}}`)).body.Name).toBe('second');
    });

    it('ignores unknown keys, and null leaves a field as it was', async () => {
      const answer = await send(
        CREATE,
        `{"name":"x","Status":"completed","ID":1,"extra":{"nested":[1,2,{"a":null}]},"clients":${clientsJson},"TempMsgID":"${ORDER_CONFIRMATION}","JSON":null}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.Status).toBe('processing');
      expect(answer.body.ID).toBeGreaterThan(389);
      expect(answer.body.JSON).toContain('order_confirmation');
      await expectBadRequest(CREATE, `{"name":null,"clients":${clientsJson},"TempMsgID":"${ORDER_CONFIRMATION}"}`, 'invalid request: name is required');
    });

    it('reads a delete body {"ID": …} like {"id": …}', async () => {
      const answer = await send(DELETE, '{"Id": 383}');
      expect(answer.status).toBe(200);
      expect(answer.body.ID).toBe(383);
      expect(await campaignById(backend, 383)).toBeUndefined();
    });
  });

  describe('empty and malformed bodies', () => {
    it('answers an empty or blank body with invalid request: EOF', async () => {
      for (const endpoint of [CREATE, DELETE, UPDATE, RESEND]) {
        await expectBadRequest(endpoint, '', 'invalid request: EOF');
        await expectBadRequest(endpoint, ' \n\t', 'invalid request: EOF');
      }
    });

    it('answers a body cut short with invalid request: unexpected EOF', async () => {
      await expectBadRequest(DELETE, '{"id": 385', 'invalid request: unexpected EOF');
      await expectBadRequest(CREATE, '{"name": "Order', 'invalid request: unexpected EOF');
      await expectBadRequest(RESEND, 'tru', 'invalid request: unexpected EOF');
    });

    it('answers a syntax error with Go’s scanner message', async () => {
      await expectBadRequest(DELETE, '{"id": }', "invalid request: invalid character '}' looking for beginning of value");
      await expectBadRequest(DELETE, "{'id': 385}", "invalid request: invalid character '\\'' looking for beginning of object key string");
      await expectBadRequest(DELETE, '{"id" 385}', "invalid request: invalid character '3' after object key");
      await expectBadRequest(DELETE, '{"id": 385 "x": 1}', `invalid request: invalid character '"' after object key:value pair`);
      await expectBadRequest(DELETE, '{"id": 01}', "invalid request: invalid character '1' after object key:value pair");
      await expectBadRequest(DELETE, '{"id": -x}', "invalid request: invalid character 'x' in numeric literal");
      await expectBadRequest(DELETE, '{"id": nul}', "invalid request: invalid character '}' in literal null (expecting 'l')");
      await expectBadRequest(RESEND, '{"messageKey": "a\\qb"}', "invalid request: invalid character 'q' in string escape code");
      await expectBadRequest(RESEND, '{"messageKey": "a\tb"}', "invalid request: invalid character '\\t' in string literal");
      await expectBadRequest(CREATE, '{"clients": [1 2]}', "invalid request: invalid character '2' after array element");
      await expectBadRequest(CREATE, 'name=x', "invalid request: invalid character 'a' in literal null (expecting 'u')");
      await expectBadRequest(CREATE, '<html>', "invalid request: invalid character '<' looking for beginning of value");
    });

    it('quotes the offending byte as Go does: non-ASCII as its first byte, control bytes escaped', async () => {
      await expectBadRequest(DELETE, 'é', "invalid request: invalid character 'Ã' looking for beginning of value");
      await expectBadRequest(DELETE, '\ufeff{"id": 1}', "invalid request: invalid character 'ï' looking for beginning of value");
      await expectBadRequest(DELETE, '\u0001', "invalid request: invalid character '\\x01' looking for beginning of value");
      await expectBadRequest(DELETE, '\\', "invalid request: invalid character '\\\\' looking for beginning of value");
    });

    it('reports a syntax error before any type error', async () => {
      await expectBadRequest(DELETE, '{"id": "385", ', 'invalid request: unexpected EOF');
    });

    it('reads only the first JSON value, as json.Decoder does', async () => {
      const answer = await send(RESEND, '{"messageKey": "C000000000000000000000000000000"} trailing garbage');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'message not found' });
    });
  });

  describe('wrongly typed fields get Go’s UnmarshalTypeError message', () => {
    it('names the struct, the field and the Go type', async () => {
      await expectBadRequest(
        DELETE,
        '{"id": "385"}',
        'invalid request: json: cannot unmarshal string into Go struct field DeleteCampaignRequest.ID of type int',
      );
      await expectBadRequest(
        UPDATE,
        '{"id": 389, "SendAt": 1741001545}',
        'invalid request: json: cannot unmarshal number into Go struct field UpdateCampaignRequest.SendAt of type string',
      );
      await expectBadRequest(
        RESEND,
        '{"messageKey": ["C0302"]}',
        'invalid request: json: cannot unmarshal array into Go struct field ResendCampaignMessageRequest.MessageKey of type string',
      );
      await expectBadRequest(
        CREATE,
        '{"name": {"en": "x"}}',
        'invalid request: json: cannot unmarshal object into Go struct field CreateCampaignRequest.Name of type string',
      );
    });

    it('shows the literal of a number that is not an int', async () => {
      await expectBadRequest(DELETE, '{"id": 385.5}', 'invalid request: json: cannot unmarshal number 385.5 into Go struct field DeleteCampaignRequest.ID of type int');
      await expectBadRequest(DELETE, '{"id": 1e3}', 'invalid request: json: cannot unmarshal number 1e3 into Go struct field DeleteCampaignRequest.ID of type int');
      await expectBadRequest(
        DELETE,
        '{"id": 9223372036854775808}',
        'invalid request: json: cannot unmarshal number 9223372036854775808 into Go struct field DeleteCampaignRequest.ID of type int',
      );
      await expectBadRequest(DELETE, '{"id": true}', 'invalid request: json: cannot unmarshal bool into Go struct field DeleteCampaignRequest.ID of type int');
    });

    it('names nested fields of Clients the way Go does', async () => {
      await expectBadRequest(
        CREATE,
        '{"name": "x", "clients": [{"accountID": 966539078942, "params": []}]}',
        'invalid request: json: cannot unmarshal number into Go struct field CampaignClient.Clients.AccountID of type string',
      );
      await expectBadRequest(
        CREATE,
        '{"name": "x", "clients": [{"accountID": "+966539078942", "params": "John"}]}',
        'invalid request: json: cannot unmarshal string into Go struct field CampaignClient.Clients.Params of type []string',
      );
      await expectBadRequest(
        CREATE,
        '{"name": "x", "clients": [{"accountID": "+966539078942", "params": ["John", 12345]}]}',
        'invalid request: json: cannot unmarshal number into Go struct field CampaignClient.Clients.Params of type string',
      );
      await expectBadRequest(
        CREATE,
        '{"name": "x", "clients": {"accountID": "+966539078942"}}',
        'invalid request: json: cannot unmarshal object into Go struct field CreateCampaignRequest.Clients of type []models.CampaignClient',
      );
      await expectBadRequest(
        CREATE,
        '{"name": "x", "clients": ["+966539078942"]}',
        'invalid request: json: cannot unmarshal string into Go struct field CreateCampaignRequest.Clients of type models.CampaignClient',
      );
    });

    it('describes a body that is not an object as a Go value', async () => {
      await expectBadRequest(DELETE, '[385]', 'invalid request: json: cannot unmarshal array into Go value of type models.DeleteCampaignRequest');
      await expectBadRequest(DELETE, '385', 'invalid request: json: cannot unmarshal number into Go value of type models.DeleteCampaignRequest');
    });

    it('reports the first type error, though decoding goes on', async () => {
      await expectBadRequest(
        UPDATE,
        '{"name": 5, "id": "389"}',
        'invalid request: json: cannot unmarshal number into Go struct field UpdateCampaignRequest.Name of type string',
      );
    });

    it('answers a body of null like an empty request', async () => {
      const answer = await send(DELETE, 'null');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'campaign not found' });
    });
  });

  it('decodes string escapes and non-ASCII text', async () => {
    const answer = await send(
      CREATE,
      `{"name":"\\u0631\\u0645\\u0636\\u0627\\u0646 \\ud83c\\udf19 \\"VIP\\" – رمضان","clients":${clientsJson},"TempMsgID":"${ORDER_CONFIRMATION}"}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.Name).toBe('رمضان 🌙 "VIP" – رمضان');
  });
});
