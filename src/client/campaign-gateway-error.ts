/** Codes the gateway answers (its `extensions.code`), plus `NETWORK_ERROR` when no GraphQL answer came. */
export type CampaignGatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BACKEND_UNAUTHORIZED'
  | 'BACKEND_UNAVAILABLE'
  | 'BACKEND_ERROR'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_ONLY'
  | 'NETWORK_ERROR'
  | (string & {});

/** What a {@link CampaignGatewayError} carries besides its message. */
export interface CampaignGatewayErrorDetails {
  code: CampaignGatewayErrorCode;
  /** The backend (its configured name) involved, when one is. */
  backend?: string;
  /** The input field the gateway refused, when it names one. */
  field?: string;
  /** Where in the result the error belongs (a partial result's failing part). */
  path?: readonly (string | number)[];
  /** The HTTP status, when the gateway answered one other than 200. */
  status?: number;
  cause?: unknown;
}

/**
 * Every failure of the client: the gateway's error (its `extensions.code`,
 * `extensions.backend` and message) or `NETWORK_ERROR` when the gateway could
 * not be reached or did not answer GraphQL.
 */
export class CampaignGatewayError extends Error {
  readonly code: CampaignGatewayErrorCode;
  readonly backend: string | undefined;
  readonly field: string | undefined;
  readonly path: readonly (string | number)[] | undefined;
  readonly status: number | undefined;

  constructor(message: string, details: CampaignGatewayErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CampaignGatewayError';
    this.code = details.code;
    this.backend = details.backend;
    this.field = details.field;
    this.path = details.path;
    this.status = details.status;
  }
}

/** One error of a GraphQL response as it arrives. */
export interface GraphQLErrorJson {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; backend?: unknown; field?: unknown } | null;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The client's error for one error of a GraphQL response. */
export function fromGraphQLError(error: GraphQLErrorJson, status?: number): CampaignGatewayError {
  const extensions = error.extensions ?? {};
  return new CampaignGatewayError(asString(error.message) ?? 'the gateway answered an error without a message', {
    // The gateway gives every error a code; a 4xx without one refused the request's own input.
    code: asString(extensions.code) ?? (status !== undefined && status >= 400 && status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
    backend: asString(extensions.backend),
    field: asString(extensions.field),
    path: Array.isArray(error.path) ? (error.path as (string | number)[]) : undefined,
    status: status === undefined || status === 200 ? undefined : status,
  });
}

/** A `NETWORK_ERROR`: the gateway could not be reached, or what came back was not GraphQL. */
export function networkError(message: string, details: { status?: number; cause?: unknown } = {}): CampaignGatewayError {
  return new CampaignGatewayError(message, { code: 'NETWORK_ERROR', ...details });
}
