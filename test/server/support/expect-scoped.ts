import { expect } from 'vitest';
import { mayRun, type KeyName, type ScopedOperation } from './scoped-operations.js';
import type { TransportResult } from './transports.js';

/**
 * Asserts what one key got for one operation: past the scope check, the
 * operation's own answer (data, or the error the probe provokes on purpose);
 * short of it, exactly one `FORBIDDEN` error on the root field and no data.
 */
export function expectScoped(result: TransportResult, key: KeyName, operation: ScopedOperation): void {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  if (mayRun(key, operation)) {
    expect(codes).not.toContain('FORBIDDEN');
    if (operation.whenAllowed === null) {
      expect(result.errors).toBeUndefined();
      expect(result.data).toHaveProperty(operation.field);
    } else {
      expect(codes).toEqual([operation.whenAllowed]);
    }
    return;
  }
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]).toMatchObject({
    message: expect.stringContaining(operation.field),
    extensions: { code: 'FORBIDDEN' },
    path: [operation.field],
  });
  // A non-null root field takes the whole data with it; a nullable one is null.
  if (result.data !== null && result.data !== undefined) expect(result.data[operation.field]).toBeNull();
}
