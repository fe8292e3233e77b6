import { badInput } from './errors.js';

/** The node types that have global ids, with how many parts their key has. */
const KEY_PARTS = {
  Campaign: ['backend', 'nativeId'],
  Touchpoint: ['backend', 'campaignNativeId', 'nativeId'],
  Enrollment: ['backend', 'campaignNativeId', 'contactId'],
  Message: ['backend', 'campaignNativeId', 'nativeId'],
} as const;

export type NodeTypeName = keyof typeof KEY_PARTS;

/** A decoded global id: the node type and the parts of its key. */
export interface GlobalIdKey {
  typename: NodeTypeName;
  parts: string[];
}

function isNodeTypeName(value: unknown): value is NodeTypeName {
  return typeof value === 'string' && Object.hasOwn(KEY_PARTS, value);
}

/**
 * Encodes a node's key as an opaque global id. The encoding is a pure function
 * of the type, the configured backend name and the backend's own ids, so the
 * same record has the same id on every replica and after restarts.
 */
export function encodeGlobalId(typename: NodeTypeName, parts: readonly string[]): string {
  return Buffer.from(JSON.stringify([typename, ...parts]), 'utf8').toString('base64url');
}

/**
 * The longest global id accepted, in characters. The gateway's own ids are a few
 * dozen characters (type, backend name and native ids, base64url); the margin
 * leaves room for native ids of several hundred characters. A longer id is
 * refused before it can become an oversized upstream URL.
 */
export const MAX_GLOBAL_ID_LENGTH = 1024;

/** Text that survives UTF-8 unchanged (no lone surrogate) and holds no control character. */
const isCleanText = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text && !/[\u0000-\u001f\u007f]/.test(text);

/**
 * `.` and `..`: as a segment of an upstream URL path they would name the record's
 * collection or its parent (`encodeURIComponent` leaves dots alone, and URL
 * parsers resolve such segments), so a native id may not be one.
 */
const isDotSegment = (text: string) => text === '.' || text === '..';

/** Decodes a global id, or throws `BAD_USER_INPUT` when the gateway could not have issued it. */
export function decodeGlobalId(globalId: string, field = 'id'): GlobalIdKey {
  if (globalId.length > MAX_GLOBAL_ID_LENGTH) {
    throw badInput(`"${field}" is longer than any id this gateway issues (${MAX_GLOBAL_ID_LENGTH} characters)`, field);
  }
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(globalId)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(globalId, 'base64url').toString('utf8'));
  } catch {
    throw badInput(`"${globalId}" is not a valid id`, field);
  }
  if (!Array.isArray(decoded) || !isNodeTypeName(decoded[0])) throw badInput(`"${globalId}" is not a valid id`, field);
  const [typename, ...parts] = decoded as [NodeTypeName, ...unknown[]];
  const wellFormed = parts.every((p) => typeof p === 'string' && p !== '' && !isDotSegment(p) && isCleanText(p));
  if (parts.length !== KEY_PARTS[typename].length || !wellFormed) {
    throw badInput(`"${globalId}" is not a valid id`, field);
  }
  return { typename, parts: parts as string[] };
}

/** Decodes a global id that must be of one type; another type is `BAD_USER_INPUT`. */
export function decodeGlobalIdOf(typename: NodeTypeName, globalId: string, field = 'id'): string[] {
  const key = decodeGlobalId(globalId, field);
  if (key.typename !== typename) throw badInput(`"${globalId}" is not a ${typename} id`, field);
  return key.parts;
}

export const campaignGlobalId = (c: { backend: string; nativeId: string }) =>
  encodeGlobalId('Campaign', [c.backend, c.nativeId]);

export const touchpointGlobalId = (t: { backend: string; campaignNativeId: string; nativeId: string }) =>
  encodeGlobalId('Touchpoint', [t.backend, t.campaignNativeId, t.nativeId]);
