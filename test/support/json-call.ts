import { request } from 'undici';

/** What a test sees of one answer. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: any;
  text: string;
}

/** Headers and body of one raw call. */
export interface JsonCallOptions {
  headers?: Record<string, string>;
  /** A body sent as is, instead of `JSON.stringify(body)`. */
  rawBody?: string;
}

/** One HTTP request with a JSON body (when given), answering status, headers, text and parsed JSON. */
export async function jsonCall(
  url: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  body?: unknown,
  options: JsonCallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await request(url, { method, headers, body: payload });
  const text = await response.body.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, text };
}
