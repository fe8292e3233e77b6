import { scanFirstValue } from './go-json-scanner.js';
import { readTree, type JsonNode } from './go-json-tree.js';

/**
 * Request decoding and response encoding as the v2 server's Go `encoding/json`
 * does them: `json.NewDecoder(body).Decode(&req)` into a struct without tags, and
 * `json.NewEncoder(w).Encode(resp)` of the response struct.
 */

/** The Go package the server's request structs live in; it shows in some type errors. */
export const GO_PACKAGE = 'models';

/** A Go type the decoder can fill: the few kinds the seed's request structs use. */
export type GoType =
  | { kind: 'int' }
  | { kind: 'string' }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'struct'; name: string; fields: readonly string[]; types: Readonly<Record<string, GoType>> };

/** Declares a struct type; `fields` maps each Go field name to its type, in declaration order. */
export function goStruct(name: string, fields: Record<string, GoType>): GoType {
  return { kind: 'struct', name, fields: Object.keys(fields), types: fields };
}

export const goInt: GoType = { kind: 'int' };
export const goString: GoType = { kind: 'string' };
export const goSlice = (elem: GoType): GoType => ({ kind: 'slice', elem });

/** `reflect.Type.String()`. */
function typeName(type: GoType): string {
  switch (type.kind) {
    case 'slice':
      return `[]${typeName(type.elem)}`;
    case 'struct':
      return `${GO_PACKAGE}.${type.name}`;
    default:
      return type.kind;
  }
}

/**
 * Go's `foldName` (encoding/json/fold.go): ASCII letters upper-cased, other runes
 * mapped through lower- then upper-case, so `name`, `NAME` and `Name` are one key.
 */
function foldName(key: string): string {
  let out = '';
  for (const rune of key) {
    if (rune.charCodeAt(0) < 0x80) {
      out += rune.toUpperCase();
      continue;
    }
    const folded = rune.toLowerCase().toUpperCase();
    // Go maps one rune to one rune; JS may expand (ß → SS), which Go never does.
    out += [...folded].length === 1 ? folded : rune;
  }
  return out;
}

interface ErrorContext {
  struct?: string;
  fieldStack: string[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's `decodeState`: fills values from the tree, keeping the first type error. */
class StructDecoder {
  error: string | undefined;
  #context: ErrorContext = { fieldStack: [] };

  #saveError(value: string, type: GoType) {
    if (this.error !== undefined) return;
    const { struct, fieldStack } = this.#context;
    this.error =
      struct !== undefined || fieldStack.length > 0
        ? `json: cannot unmarshal ${value} into Go struct field ${struct ?? ''}.${fieldStack.join('.')} of type ${typeName(type)}`
        : `json: cannot unmarshal ${value} into Go value of type ${typeName(type)}`;
  }

  /** Decodes `node` into a value of `type` whose current content is `current`. */
  value(node: JsonNode, type: GoType, current: unknown): unknown {
    switch (node.type) {
      case 'null':
        // null empties a slice and leaves every other kind untouched.
        return type.kind === 'slice' ? null : current;
      case 'object':
        if (type.kind !== 'struct') {
          this.#saveError('object', type);
          return current;
        }
        return this.#object(node.entries, type, current as Record<string, unknown>);
      case 'array':
        if (type.kind !== 'slice') {
          this.#saveError('array', type);
          return current;
        }
        return this.#array(node.items, type.elem, (current as unknown[] | null) ?? []);
      case 'string':
        if (type.kind !== 'string') {
          this.#saveError('string', type);
          return current;
        }
        return node.value;
      case 'bool':
        this.#saveError('bool', type);
        return current;
      case 'number':
        return this.#number(node.raw, type, current);
    }
  }

  #number(raw: string, type: GoType, current: unknown): unknown {
    if (type.kind !== 'int') {
      this.#saveError('number', type);
      return current;
    }
    const parsed = /^-?\d+$/.test(raw) ? BigInt(raw) : undefined;
    if (parsed === undefined || parsed < INT64_MIN || parsed > INT64_MAX) {
      this.#saveError(`number ${raw}`, type);
      return current;
    }
    return Number(parsed);
  }

  #object(entries: Array<[string, JsonNode]>, type: Extract<GoType, { kind: 'struct' }>, current: Record<string, unknown>) {
    const target = { ...current };
    const saved = { struct: this.#context.struct, depth: this.#context.fieldStack.length };
    for (const [key, child] of entries) {
      const field = type.fields.includes(key) ? key : type.fields.find((name) => foldName(name) === foldName(key));
      if (field === undefined) continue;
      const fieldType = type.types[field];
      if (!fieldType) continue;
      this.#context.fieldStack.push(field);
      this.#context.struct = type.name;
      target[field] = this.value(child, fieldType, target[field]);
      this.#context.fieldStack.length = saved.depth;
      this.#context.struct = saved.struct;
    }
    return target;
  }

  #array(items: JsonNode[], elem: GoType, current: unknown[]) {
    // Go decodes each element into the slice's existing element, if there is one.
    return items.map((item, i) => this.value(item, elem, i < current.length ? current[i] : zeroValue(elem)));
  }
}

/** The zero value of a Go type: 0, "", nil slice, or a struct of zero fields. */
export function zeroValue(type: GoType): unknown {
  switch (type.kind) {
    case 'int':
      return 0;
    case 'string':
      return '';
    case 'slice':
      return null;
    case 'struct':
      return Object.fromEntries(type.fields.map((field) => [field, zeroValue(type.types[field] ?? goString)]));
  }
}

/** Outcome of {@link decodeGoRequest}; `message` is Go's `err.Error()`. */
export type GoDecodeResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Decodes a request body into `type` exactly as `json.NewDecoder(r.Body).Decode(&v)`
 * would: keys matched to field names (exact first, then case-insensitively),
 * unknown keys ignored, the first value only, syntax errors before type errors.
 * The caller chooses `T` to match `type`.
 */
export function decodeGoRequest<T>(rawBody: string, type: GoType): GoDecodeResult<T> {
  const bytes = Buffer.from(rawBody, 'utf8');
  const scanned = scanFirstValue(bytes);
  if (!scanned.ok) return scanned;
  const tree = readTree(bytes.subarray(0, scanned.end));
  const decoder = new StructDecoder();
  const value = decoder.value(tree, type, zeroValue(type));
  if (decoder.error !== undefined) return { ok: false, message: decoder.error };
  return { ok: true, value: value as T };
}

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * `json.NewEncoder(w).Encode(v)`: JSON with `<`, `>`, `&`, U+2028 and U+2029
 * escaped as `\u003c`-style sequences, and a trailing newline.
 */
export function encodeGoJson(value: unknown): string {
  const text = JSON.stringify(value).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
