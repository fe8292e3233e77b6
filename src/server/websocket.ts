import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { DEFAULT_MAX_REQUEST_BODY_BYTES, type Gateway } from './create-gateway.js';
import type { createKeyResolver } from './plugins/use-api-keys.js';

/** Largest message before `connection_ack`, in bytes: a `connection_init` carries a key, nothing more. */
export const DEFAULT_MAX_INIT_MESSAGE_BYTES = 8 * 1024;

/** Options of {@link attachWebSocket}. */
export interface WebSocketOptions {
  /** Resolves the key from `connection_init` to scopes (null: refused). */
  resolveKey: ReturnType<typeof createKeyResolver>;
  /** Whether keys are required at all. */
  authRequired: boolean;
  /**
   * Largest message, in bytes; default 1 MiB, the HTTP body limit. A frame
   * announcing more is refused from its header (close 1009) without being read.
   */
  maxPayloadBytes?: number;
  /** Largest message before the connection is acknowledged; default 8 KiB. Larger: close 1009. */
  maxInitMessageBytes?: number;
}

/** The key a WebSocket client sends in its `connection_init` payload. */
function keyFromPayload(payload: Record<string, unknown> | undefined): string | null {
  if (!payload) return null;
  const header = payload.Authorization ?? payload.authorization;
  if (typeof header === 'string') return header.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? null;
  const key = payload['X-API-Key'] ?? payload['x-api-key'] ?? payload.apiKey;
  return typeof key === 'string' ? key : null;
}

const byteLength = (data: RawData) => (Array.isArray(data) ? data.reduce((n, part) => n + part.length, 0) : (data as Buffer | ArrayBuffer).byteLength);

/** An error as a client may see it: without the server's own extensions (`http`, `unexpected`, `originalError`). */
function clientError(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (!formatted.extensions) return formatted;
  const { http: _http, unexpected: _unexpected, originalError: _original, ...extensions } = formatted.extensions as Record<string, unknown>;
  return { ...formatted, extensions: Object.keys(extensions).length > 0 ? extensions : undefined };
}

function clientResult(result: ExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  return errors?.length ? { ...(rest as FormattedExecutionResult), errors: errors.map(clientError) } : (result as FormattedExecutionResult);
}

/**
 * Serves `graphql-transport-ws` on the HTTP server's `/graphql`, through the
 * same envelop as HTTP (schema, context, plugins). The API key comes in the
 * `connection_init` payload; a missing or wrong one closes the socket (4403).
 * Messages are bounded like HTTP bodies, and much smaller ones are all a
 * client may send before it is acknowledged, so an unauthenticated socket
 * cannot make the server hold large buffers.
 */
export function attachWebSocket(server: Server, gateway: Gateway, options: WebSocketOptions) {
  const maxInit = options.maxInitMessageBytes ?? DEFAULT_MAX_INIT_MESSAGE_BYTES;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES });
  const acknowledged = new WeakSet<WebSocket>();
  // Registered before graphql-ws's own listener, so it sees each message first.
  wss.on('connection', (socket) => {
    const beforeAck = (data: RawData) => {
      if (acknowledged.has(socket)) socket.off('message', beforeAck);
      else if (byteLength(data) > maxInit) socket.close(1009, 'message too big before connection_ack');
    };
    socket.on('message', beforeAck);
  });
  const disposable = useServer(
    {
      onConnect: (ctx) => {
        const socket = ctx.extra.socket;
        const allowed = socket.readyState === WebSocket.OPEN && (!options.authRequired || options.resolveKey(keyFromPayload(ctx.connectionParams)) !== null);
        if (allowed) acknowledged.add(socket);
        return allowed;
      },
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onNext: (_ctx, _id, _payload, _args, result) => clientResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map(clientError),
      onSubscribe: async (ctx, _id, params) => {
        const key = keyFromPayload(ctx.connectionParams);
        // A synthetic request carries the key so the context resolves scopes as for HTTP.
        const request = new Request('http://gateway.internal/graphql', {
          method: 'POST',
          headers: key ? { authorization: `Bearer ${key}` } : {},
        });
        const { schema, execute, subscribe, contextFactory, parse, validate } = gateway.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          request,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          // A syntax error or a refused document (token or size limit) is the client's: answer it, keep the socket.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );
  // graphql-ws logs every socket error with its stack. A frame over the limit or a broken frame is
  // the client's doing: ws has answered it with a close frame already; the connection is dropped
  // at once rather than read to the end of an upload that may be 90 MiB.
  wss.on('connection', (socket) => {
    const [logAndClose] = socket.listeners('error') as ((error: Error) => void)[];
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code?.startsWith('WS_ERR_')) socket.terminate();
      else logAndClose?.call(socket, error);
    });
  });
  return {
    wss,
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
