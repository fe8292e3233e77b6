import { invalidRequest } from './api-error.js';
import type { TouchpointMessage } from './wire-types.js';

/** A parsed JSON request body. */
export type JsonObject = Record<string, unknown>;

/** The default and the largest `limit` of the list endpoints. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Parses a request body that must be a JSON object; throws `invalid_request` otherwise. */
export function parseJsonObject(rawBody: string): JsonObject {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return body as JsonObject;
}

/** Reads `limit` from the query: default 20, an integer from 1 to 100. */
export function parseLimit(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(raw)) throw invalidRequest('limit must be an integer.', 'limit');
  const limit = Number(raw);
  if (limit < 1 || limit > MAX_LIMIT) throw invalidRequest(`limit must be between 1 and ${MAX_LIMIT}.`, 'limit');
  return limit;
}

/** A field that must be present (not null) when `required`, and may be absent otherwise. */
function present(body: JsonObject, field: string, required: boolean): boolean {
  const value = body[field];
  if (value !== undefined && value !== null) return true;
  if (required) throw invalidRequest(`${field} is required.`, field);
  return false;
}

/** A non-blank string field. */
export function readString(body: JsonObject, field: string, required: true): string;
export function readString(body: JsonObject, field: string, required: false): string | undefined;
export function readString(body: JsonObject, field: string, required: boolean): string | undefined {
  if (!present(body, field, required)) return undefined;
  const value = body[field];
  if (typeof value !== 'string') throw invalidRequest(`${field} must be a string.`, field);
  if (value.trim() === '') throw invalidRequest(`${field} must not be blank.`, field);
  return value;
}

/** A string field restricted to `allowed`. */
export function readEnum<T extends string>(body: JsonObject, field: string, allowed: readonly T[], required: true): T;
export function readEnum<T extends string>(body: JsonObject, field: string, allowed: readonly T[], required: false): T | undefined;
export function readEnum<T extends string>(body: JsonObject, field: string, allowed: readonly T[], required: boolean): T | undefined {
  if (!present(body, field, required)) return undefined;
  const value = body[field];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidRequest(`${field} must be one of: ${allowed.join(', ')}.`, field);
  }
  return value as T;
}

/**
 * A touchpoint message: any string or JSON object. Whether it is usable (not empty,
 * short enough, with a subject) is for the validate endpoint to say, not for writes to refuse.
 */
export function readMessage(body: JsonObject, required: true): TouchpointMessage;
export function readMessage(body: JsonObject, required: false): TouchpointMessage | undefined;
export function readMessage(body: JsonObject, required: boolean): TouchpointMessage | undefined {
  if (!present(body, 'message', required)) return undefined;
  const value = body.message;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  throw invalidRequest('message must be a string or an object.', 'message');
}

/** An optional integer field; the range is checked by the caller, which knows it. */
export function readInteger(body: JsonObject, field: string): number | undefined {
  if (!present(body, field, false)) return undefined;
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidRequest(`${field} must be an integer.`, field);
  return value;
}
