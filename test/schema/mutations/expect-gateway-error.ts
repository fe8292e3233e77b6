import type { ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import type { ErrorCode } from '../../../src/model/errors.js';
import type { ReferenceBackend } from '../../../src/reference-backends/shared/reference-backend.js';

/** What the one error of a failed mutation must carry. */
export interface ExpectedError {
  code: ErrorCode;
  /** `extensions.field`; null asserts that no field is named; undefined does not check. */
  field?: string | null;
  /** `extensions.backend`; null asserts that no backend is named; undefined does not check. */
  backend?: string | null;
  /** Text the message must contain (the backend's own words where it has them). */
  message?: string | RegExp;
}

/**
 * Asserts that a one-field operation failed with exactly one error of this
 * shape, that the field's data is null, and that no stack trace leaked.
 */
export function expectGatewayError(result: ExecutionResult<unknown>, expected: ExpectedError): void {
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  const [error] = result.errors!;
  const extensions = error!.extensions ?? {};
  expect(extensions['code'], error!.message).toBe(expected.code);
  if (expected.field !== undefined) expect(extensions['field'] ?? null, error!.message).toBe(expected.field);
  if (expected.backend !== undefined) expect(extensions['backend'] ?? null, error!.message).toBe(expected.backend);
  if (typeof expected.message === 'string') expect(error!.message).toContain(expected.message);
  else if (expected.message) expect(error!.message).toMatch(expected.message);
  expect(extensions).not.toHaveProperty('stacktrace');
  expect(result.data ?? null).toBeNull();
}

/** Requests a backend received that could change something (anything but GET). */
export function writesTo(backend: ReferenceBackend): { method: string; path: string }[] {
  return backend.requests.list().filter((request) => request.method !== 'GET');
}
