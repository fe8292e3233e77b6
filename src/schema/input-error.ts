import type { z } from 'zod';
import { badInput, type GatewayError } from '../model/errors.js';

/** An issue's path as `extensions.field` names input fields: `input.recipients[0].contactId`. */
function fieldOf(path: readonly PropertyKey[]): string | undefined {
  let field = '';
  for (const part of path) field += typeof part === 'number' ? `[${part}]` : field ? `.${String(part)}` : String(part);
  return field || undefined;
}

/**
 * The gateway's error for arguments a mutation's zod schema refused
 * (`@pothos/plugin-zod`'s `validationError`): `BAD_USER_INPUT` with the first
 * problem's message, on its input path (`contactIds`, `input`, `input.name`),
 * like every other input error. Nothing has reached a backend yet.
 */
export function inputErrorOf(error: z.ZodError): GatewayError {
  const issue = error.issues[0];
  return badInput(issue?.message ?? 'invalid input', fieldOf(issue?.path ?? []));
}
