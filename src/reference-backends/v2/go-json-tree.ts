/**
 * The tree of one JSON value that `go-json-scanner.ts` has already proven
 * well-formed; strings are unquoted the way Go's decoder does it.
 */

/** A parsed JSON value; numbers keep their literal text, objects their key order and duplicates. */
export type JsonNode =
  | { type: 'object'; entries: Array<[string, JsonNode]> }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string'; value: string }
  | { type: 'number'; raw: string }
  | { type: 'bool' }
  | { type: 'null' };

/** Walks the bytes of one well-formed value. */
class TreeReader {
  #at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  read(): JsonNode {
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

  #word(length: number, node: JsonNode): JsonNode {
    this.#at += length;
    return node;
  }

  #skipSpace() {
    while ([0x20, 0x09, 0x0d, 0x0a].includes(this.bytes[this.#at] ?? -1)) this.#at++;
  }

  #object(): JsonNode {
    const entries: Array<[string, JsonNode]> = [];
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

  #array(): JsonNode {
    const items: JsonNode[] = [];
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

/** Reads the (well-formed) value in `bytes`. */
export function readTree(bytes: Uint8Array): JsonNode {
  return new TreeReader(bytes).read();
}
