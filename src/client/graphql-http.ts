import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type OperationDefinitionNode } from 'graphql';
import { CampaignGatewayError, fromGraphQLError, networkError, type GraphQLErrorJson } from './campaign-gateway-error.js';

/** How the client reaches the gateway. */
export interface GatewayConnection {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; default none (an open gateway). */
  apiKey?: string;
  /** The fetch to use; default the global `fetch`, looked up at each call. */
  fetch?: typeof fetch;
  /** Send each operation's persisted-document id (`documentId`) instead of its text; default false. */
  persisted?: boolean;
}

/** A GraphQL result: whatever data came, and every error as a {@link CampaignGatewayError}. */
export interface GraphQLOutcome<TData> {
  data: TData | null | undefined;
  errors: CampaignGatewayError[];
}

/** The document as a persisted-documents manifest knows it: the hash graphql-codegen puts in `__meta__`. */
function documentHash(document: TypedDocumentNode<unknown, never>): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : undefined;
}

function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return operation?.name?.value;
}

/**
 * The JSON body of a GraphQL request: the document's text, or with
 * `persisted` its id alone, which a gateway with `trustedDocuments` resolves
 * to the text it was given at deployment.
 */
export function requestBody(
  connection: GatewayConnection,
  document: TypedDocumentNode<unknown, never>,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const base = { operationName: operationName(document), variables: variables ?? {} };
  if (!connection.persisted) return { ...base, query: print(document) };
  const documentId = documentHash(document);
  if (!documentId) {
    throw new CampaignGatewayError('the document has no persisted-document hash (generate it with persistedDocuments: true)', {
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
  }
  return { ...base, documentId };
}

/** Headers every request to the gateway carries. */
export function authHeaders(connection: GatewayConnection): Record<string, string> {
  return connection.apiKey ? { authorization: `Bearer ${connection.apiKey}` } : {};
}

/** Calls the configured fetch as a plain function: a browser's `fetch` refuses any other `this`. */
export function fetchOf(connection: GatewayConnection): typeof fetch {
  return (input, init) => (connection.fetch ?? globalThis.fetch)(input, init);
}

/** Reads a response the gateway answered as GraphQL; anything else is a `NETWORK_ERROR`. */
export async function readGraphQLResponse<TData>(response: Response): Promise<GraphQLOutcome<TData>> {
  let body: { data?: TData | null; errors?: GraphQLErrorJson[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw networkError(`the gateway answered HTTP ${response.status} with a body that is not GraphQL`, { status: response.status, cause });
  }
  const errors = Array.isArray(body?.errors) ? body.errors.map((e) => fromGraphQLError(e ?? {}, response.status)) : [];
  if (errors.length === 0 && !response.ok) throw networkError(`the gateway answered HTTP ${response.status}`, { status: response.status });
  return { data: body?.data, errors };
}

/** The data of a result that must be whole: its first error, if any, is thrown. */
export function dataOrThrow<TData>(outcome: GraphQLOutcome<TData>): TData {
  const [error] = outcome.errors;
  if (error) throw error;
  if (outcome.data == null) throw networkError('the gateway answered neither data nor an error');
  return outcome.data;
}

/** Runs one query or mutation over HTTP POST. Rejects only with `NETWORK_ERROR`; GraphQL errors come back in `errors`. */
export async function executeOverHttp<TData, TVariables>(
  connection: GatewayConnection,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<GraphQLOutcome<TData>> {
  const body = requestBody(connection, document as TypedDocumentNode<unknown, never>, variables as Record<string, unknown> | undefined);
  let response: Response;
  try {
    response = await fetchOf(connection)(connection.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authHeaders(connection),
      },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw networkError(`could not reach the gateway at ${connection.url}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
  return readGraphQLResponse<TData>(response);
}
