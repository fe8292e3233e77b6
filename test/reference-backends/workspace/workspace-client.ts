import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'undici';
import type { WorkspaceReferenceBackend } from '../../../src/reference-backends/workspace/index.js';

/** One answer of the backend, read to the end. */
export interface WorkspaceAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (undefined for an empty body); throws when it is not JSON. */
  json: any;
}

/** Options of {@link workspaceClient}. */
export interface WorkspaceClientOptions {
  /** Workspace id in the path; default the backend's own. */
  workspaceId?: string;
  /** `Authorization` header value; default `Bearer <the backend's token>`; null sends none. */
  authorization?: string | null;
}

/** Per-call options of a {@link workspaceClient} call. */
export interface CallOptions {
  /** Sent as is instead of `JSON.stringify(body)`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A minimal HTTP client for the workspace API, over real HTTP with undici. */
export function workspaceClient(backend: WorkspaceReferenceBackend, options: WorkspaceClientOptions = {}) {
  const base = `${backend.url}/api/workspaces/${options.workspaceId ?? backend.credentials.workspaceId}`;
  const authorization =
    options.authorization === undefined ? `Bearer ${backend.credentials.sessionToken}` : options.authorization;

  return async function call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    callOptions: CallOptions = {},
  ): Promise<WorkspaceAnswer> {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (authorization !== null) headers['authorization'] = authorization;
    const payload = callOptions.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await request(`${base}${path}`, { method, headers, body: payload });
    const text = await response.body.text();
    return {
      status: response.statusCode,
      headers: response.headers,
      text,
      get json() {
        return text === '' ? undefined : JSON.parse(text);
      },
    };
  };
}
