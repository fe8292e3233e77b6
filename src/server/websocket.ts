import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { Gateway } from './create-gateway.js';
import type { createKeyResolver } from './plugins/use-api-keys.js';

/** Options of {@link attachWebSocket}. */
export interface WebSocketOptions {
  /** Resolves the key from `connection_init` to scopes (null: refused). */
  resolveKey: ReturnType<typeof createKeyResolver>;
  /** Whether keys are required at all. */
  authRequired: boolean;
}

/** The key a WebSocket client sends in its `connection_init` payload. */
function keyFromPayload(payload: Record<string, unknown> | undefined): string | null {
  if (!payload) return null;
  const header = payload.Authorization ?? payload.authorization;
  if (typeof header === 'string') return header.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? null;
  const key = payload['X-API-Key'] ?? payload['x-api-key'] ?? payload.apiKey;
  return typeof key === 'string' ? key : null;
}

/**
 * Serves `graphql-transport-ws` on the HTTP server's `/graphql`, through the
 * same envelop as HTTP (schema, context, plugins). The API key comes in the
 * `connection_init` payload; a missing or wrong one closes the socket (4403).
 */
export function attachWebSocket(server: Server, gateway: Gateway, options: WebSocketOptions) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const disposable = useServer(
    {
      onConnect: (ctx) => !options.authRequired || options.resolveKey(keyFromPayload(ctx.connectionParams)) !== null,
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
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
          // A syntax error or a refused document (token limit) is the client's: answer it, keep the socket.
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
  return {
    wss,
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
