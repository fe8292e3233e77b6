import { expect } from 'vitest';
import { CampaignGatewayError } from '../../../src/client/index.js';

/** Awaits a call that must fail, and answers its `CampaignGatewayError` after checking its code (and backend, when given). */
export async function expectClientError(
  call: Promise<unknown> | (() => Promise<unknown>),
  code: string,
  backend?: string,
): Promise<CampaignGatewayError> {
  const error = await (typeof call === 'function' ? call() : call).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(CampaignGatewayError);
  const failure = error as CampaignGatewayError;
  expect({ code: failure.code, message: failure.message }).toMatchObject({ code });
  if (backend !== undefined) expect(failure.backend).toBe(backend);
  expect(failure.message).not.toBe('');
  return failure;
}
