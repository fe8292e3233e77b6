import { scanFirstValue } from './go-json-scanner.js';

/**
 * Request decoding and response encoding as the v2 server's Go `encoding/json`
 * does them: `json.NewDecoder(body).Decode(&req)` into a struct without tags, and
 * `json.Marshal` of the response struct.
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

type Node =
  | { type: 'object'; entries: Array<[string, Node]> }
  | { type: 'array'; items: Node[] }
  | { type: 'string'; value: string }
  | { type: 'number'; raw: string }
  | { type: 'bool' }
  | { type: 'null' };

/** Builds the tree of a value the scanner has already proven well-formed. */
class TreeReader {
  #at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  read(): Node {
    this.#skipSpace();
    const c = this.bytes[this.#at];
    if (c === 0x7b) return this.#object();
    if (c === 0x5b) return this.#array();
    if (c === 0x22) return { type: 'string', value: this.#string() };
    if (c === 0x74) return this.#word(4, { type: 'bool' });
    if (c === 0x66) return this.#word(5, { type: 'bool' });
    if (c === 0x6e) return this.#word(4, { type: 'null' });
    const start = this.#at;
    while (this.#at < this.bytes.length && /[-+.eE0-9]/.test(String.fromCharCode(this.bytes[this.#at] ?? 0))) this.#at++;
    return { type: 'number', raw: Buffer.from(this.bytes.subarray(start, this.#at)).toString('latin1') };
  }

  #word(length: number, node: Node): Node {
    this.#at += length;
    return node;
  }

  #skipSpace() {
    while ([0x20, 0x09, 0x0d, 0x0a].includes(this.bytes[this.#at] ?? -1)) this.#at++;
  }

  #object(): Node {
    const entries: Array<[string, Node]> = [];
    this.#at++;
    for (;;) {
      this.#skipSpace();
      if (this.bytes[this.#at] === 0x7d) break;
      const key = this.#string();
      this.#skipSpace();
      this.#at++; // ':'
      entries.push([key, this.read()]);
      this.#skipSpace();
      if (this.bytes[this.#at] === 0x2c) this.#at++;
    }
    this.#at++;
    return { type: 'object', entries };
  }

  #array(): Node {
    const items: Node[] = [];
    this.#at++;
    for (;;) {
      this.#skipSpace();
      if (this.bytes[this.#at] === 0x5d) break;
      items.push(this.read());
      this.#skipSpace();
      if (this.bytes[this.#at] === 0x2c) this.#at++;
    }
    this.#at++;
    return { type: 'array', items };
  }

  /** Go's `unquote`: escapes decoded, invalid UTF-8 and lone surrogates become U+FFFD. */
  #string(): string {
    this.#at++;
    const raw: number[] = [];
    let out = '';
    const flush = () => {
      out += Buffer.from(raw).toString('utf8');
      raw.length = 0;
    };
    for (;;) {
      const c = this.bytes[this.#at++] ?? 0x22;
      if (c === 0x22) break;
      if (c !== 0x5c) {
        raw.push(c);
        continue;
      }
      flush();
      const e = String.fromCharCode(this.bytes[this.#at++] ?? 0);
      const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '\\': '\\', '/': '/', '"': '"' };
      if (e !== 'u') {
        out += simple[e] ?? '';
        continue;
      }
      const unit = this.#hex4();
      if (unit >= 0xd800 && unit < 0xdc00) {
        const next = this.bytes[this.#at] === 0x5c && this.bytes[this.#at + 1] === 0x75 ? this.#peekHex4(this.#at + 2) : -1;
        if (next >= 0xdc00 && next < 0xe000) {
          this.#at += 6;
          out += String.fromCharCode(unit, next);
        } else {
          out += '\ufffd';
        }
      } else if (unit >= 0xdc00 && unit < 0xe000) {
        out += '\ufffd';
      } else {
        out += String.fromCharCode(unit);
      }
    }
    flush();
    return out;
  }

  #hex4(): number {
    const value = this.#peekHex4(this.#at);
    this.#at += 4;
    return value;
  }

  #peekHex4(at: number): number {
    const text = Buffer.from(this.bytes.subarray(at, at + 4)).toString('latin1');
    return /^[0-9a-fA-F]{4}$/.test(text) ? Number.parseInt(text, 16) : -1;
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
  value(node: Node, type: GoType, current: unknown): unknown {
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

  #object(entries: Array<[string, Node]>, type: Extract<GoType, { kind: 'struct' }>, current: Record<string, unknown>) {
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

  #array(items: Node[], elem: GoType, current: unknown[]) {
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
  const tree = new TreeReader(bytes.subarray(0, scanned.end)).read();
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
