/**
 * A byte-for-byte port of the state machine in Go's `encoding/json/scanner.go`,
 * so that a malformed body gets the same error text the real server returns
 * ("invalid character 'x' looking for beginning of value", "unexpected EOF", …).
 */

const CONTINUE = 0;
const END = 1;
const ERROR = 2;
type Op = typeof CONTINUE | typeof END | typeof ERROR;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;

/** Go's limit on nesting (scanner.go `maxNestingDepth`). */
const MAX_NESTING_DEPTH = 10_000;

type Step = (s: Scanner, c: number) => Op;

interface Scanner {
  step: Step;
  parseState: number[];
  error?: string;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const ch = (s: string) => s.charCodeAt(0);

/** Go's `strconv.IsPrint` for the runes U+0000–U+00FF (a byte read as a rune). */
function isPrintLatin1(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa1 && c !== 0xad);
}

/** Go's `quoteChar`: how a byte is shown inside an error message. */
export function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  if (c === 0x5c) return `'\\\\'`;
  if (isPrintLatin1(c)) return `'${String.fromCharCode(c)}'`;
  const named: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };
  const name = named[c];
  if (name) return `'\\${name}'`;
  const hex = c.toString(16).padStart(2, '0');
  return c < 0x80 ? `'\\x${hex}'` : `'\\u00${hex}'`;
}

function fail(s: Scanner, c: number, context: string): Op {
  s.step = stateError;
  s.error = `invalid character ${quoteChar(c)} ${context}`;
  return ERROR;
}

function push(s: Scanner, c: number, state: number, next: Step): Op {
  s.parseState.push(state);
  if (s.parseState.length > MAX_NESTING_DEPTH) return fail(s, c, 'exceeded max depth');
  s.step = next;
  return CONTINUE;
}

function pop(s: Scanner): Op {
  s.parseState.pop();
  s.step = s.parseState.length === 0 ? stateEndTop : stateEndValue;
  return CONTINUE;
}

const stateError: Step = () => ERROR;

/** Reached once the top-level value is complete: Go's Decoder stops reading here. */
const stateEndTop: Step = () => END;

const stateBeginValueOrEmpty: Step = (s, c) => {
  if (isSpace(c)) return CONTINUE;
  if (c === ch(']')) return stateEndValue(s, c);
  return stateBeginValue(s, c);
};

const stateBeginValue: Step = (s, c) => {
  if (isSpace(c)) return CONTINUE;
  switch (c) {
    case ch('{'):
      return push(s, c, PARSE_OBJECT_KEY, stateBeginStringOrEmpty);
    case ch('['):
      return push(s, c, PARSE_ARRAY_VALUE, stateBeginValueOrEmpty);
    case ch('"'):
      s.step = stateInString;
      return CONTINUE;
    case ch('-'):
      s.step = stateNeg;
      return CONTINUE;
    case ch('0'):
      s.step = state0;
      return CONTINUE;
    case ch('t'):
      s.step = literal('true', 1);
      return CONTINUE;
    case ch('f'):
      s.step = literal('false', 1);
      return CONTINUE;
    case ch('n'):
      s.step = literal('null', 1);
      return CONTINUE;
  }
  if (c >= ch('1') && c <= ch('9')) {
    s.step = state1;
    return CONTINUE;
  }
  return fail(s, c, 'looking for beginning of value');
};

const stateBeginStringOrEmpty: Step = (s, c) => {
  if (isSpace(c)) return CONTINUE;
  if (c === ch('}')) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
};

const stateBeginString: Step = (s, c) => {
  if (isSpace(c)) return CONTINUE;
  if (c === ch('"')) {
    s.step = stateInString;
    return CONTINUE;
  }
  return fail(s, c, 'looking for beginning of object key string');
};

const stateEndValue: Step = (s, c) => {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return CONTINUE;
  }
  switch (s.parseState[n - 1]) {
    case PARSE_OBJECT_KEY:
      if (c === ch(':')) {
        s.parseState[n - 1] = PARSE_OBJECT_VALUE;
        s.step = stateBeginValue;
        return CONTINUE;
      }
      return fail(s, c, 'after object key');
    case PARSE_OBJECT_VALUE:
      if (c === ch(',')) {
        s.parseState[n - 1] = PARSE_OBJECT_KEY;
        s.step = stateBeginString;
        return CONTINUE;
      }
      if (c === ch('}')) return pop(s);
      return fail(s, c, 'after object key:value pair');
    default:
      if (c === ch(',')) {
        s.step = stateBeginValue;
        return CONTINUE;
      }
      if (c === ch(']')) return pop(s);
      return fail(s, c, 'after array element');
  }
};

const stateInString: Step = (s, c) => {
  if (c === ch('"')) {
    s.step = stateEndValue;
    return CONTINUE;
  }
  if (c === ch('\\')) {
    s.step = stateInStringEsc;
    return CONTINUE;
  }
  if (c < 0x20) return fail(s, c, 'in string literal');
  return CONTINUE;
};

const stateInStringEsc: Step = (s, c) => {
  if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
    s.step = stateInString;
    return CONTINUE;
  }
  if (c === ch('u')) {
    s.step = hexEscape(4);
    return CONTINUE;
  }
  return fail(s, c, 'in string escape code');
};

function hexEscape(left: number): Step {
  return (s, c) => {
    if (!isHex(c)) return fail(s, c, 'in \\u hexadecimal character escape');
    s.step = left === 1 ? stateInString : hexEscape(left - 1);
    return CONTINUE;
  };
}

const stateNeg: Step = (s, c) => {
  if (c === ch('0')) {
    s.step = state0;
    return CONTINUE;
  }
  if (c >= ch('1') && c <= ch('9')) {
    s.step = state1;
    return CONTINUE;
  }
  return fail(s, c, 'in numeric literal');
};

const state1: Step = (s, c) => {
  if (isDigit(c)) return CONTINUE;
  return state0(s, c);
};

const state0: Step = (s, c) => {
  if (c === ch('.')) {
    s.step = stateDot;
    return CONTINUE;
  }
  if (c === ch('e') || c === ch('E')) {
    s.step = stateE;
    return CONTINUE;
  }
  return stateEndValue(s, c);
};

const stateDot: Step = (s, c) => {
  if (isDigit(c)) {
    s.step = stateDot0;
    return CONTINUE;
  }
  return fail(s, c, 'after decimal point in numeric literal');
};

const stateDot0: Step = (s, c) => {
  if (isDigit(c)) return CONTINUE;
  if (c === ch('e') || c === ch('E')) {
    s.step = stateE;
    return CONTINUE;
  }
  return stateEndValue(s, c);
};

const stateE: Step = (s, c) => {
  if (c === ch('+') || c === ch('-')) {
    s.step = stateESign;
    return CONTINUE;
  }
  return stateESign(s, c);
};

const stateESign: Step = (s, c) => {
  if (isDigit(c)) {
    s.step = stateE0;
    return CONTINUE;
  }
  return fail(s, c, 'in exponent of numeric literal');
};

const stateE0: Step = (s, c) => {
  if (isDigit(c)) return CONTINUE;
  return stateEndValue(s, c);
};

/** The states inside `true`, `false`, `null` after their first letter. */
function literal(word: string, at: number): Step {
  return (s, c) => {
    const expected = word.charCodeAt(at);
    if (c !== expected) return fail(s, c, `in literal ${word} (expecting ${quoteChar(expected)})`);
    s.step = at === word.length - 1 ? stateEndValue : literal(word, at + 1);
    return CONTINUE;
  };
}

/** Outcome of {@link scanFirstValue}. */
export type ScanResult = { ok: true; end: number } | { ok: false; message: string };

/**
 * Finds the first JSON value in `bytes` the way Go's `json.Decoder.Decode` does:
 * anything after a complete value is left unread, only-whitespace input is `EOF`,
 * a value cut short is `unexpected EOF`.
 */
export function scanFirstValue(bytes: Uint8Array): ScanResult {
  const s: Scanner = { step: stateBeginValue, parseState: [] };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ?? 0;
    const op = s.step(s, c);
    if (op === ERROR) return { ok: false, message: s.error ?? 'invalid JSON' };
    // A number only ends at the byte after it, which is not part of the value.
    if (op === END) return { ok: true, end: i };
    if (s.step === stateEndTop) return { ok: true, end: i + 1 };
  }
  if (s.step(s, 0x20) === END) return { ok: true, end: bytes.length };
  const onlySpace = bytes.every((c) => isSpace(c));
  return { ok: false, message: onlySpace ? 'EOF' : 'unexpected EOF' };
}
