import { GraphQLError } from 'graphql';

/** The stable error codes of CONTRACT.md, carried in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BACKEND_UNAUTHORIZED'
  | 'BACKEND_UNAVAILABLE'
  | 'BACKEND_ERROR';

/** Options of a {@link GatewayError}. */
export interface GatewayErrorOptions {
  /** The configured name of the backend involved, if any (`extensions.backend`). */
  backend?: string;
  /** The input field at fault, as a dotted path (`extensions.field`). */
  field?: string;
  /** The HTTP status the backend answered, for logs and metrics (not shown to clients). */
  upstreamStatus?: number;
  /** What caused this error; kept for logs, never sent to clients. */
  cause?: unknown;
  /** The GraphQL path this error belongs to, for partial results. */
  path?: readonly (string | number)[];
}

/**
 * An expected error: its message and code reach the client unmasked. Anything
 * that is not a GatewayError (or another GraphQLError) is masked by the server.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;
  readonly backend: string | undefined;
  readonly field: string | undefined;
  readonly upstreamStatus: number | undefined;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    const extensions: Record<string, unknown> = { code };
    if (options.backend) extensions.backend = options.backend;
    if (options.field) extensions.field = options.field;
    super(message, { extensions, path: options.path, originalError: undefined });
    // Servers recognise expected errors by this name (yoga masks anything else).
    this.name = 'GraphQLError';
    this.code = code;
    this.backend = options.backend;
    this.field = options.field;
    this.upstreamStatus = options.upstreamStatus;
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }

  /** The same error placed at a GraphQL path (for partial results of list fields). */
  atPath(path: readonly (string | number)[]): GatewayError {
    return new GatewayError(this.code, this.message, {
      backend: this.backend,
      field: this.field,
      upstreamStatus: this.upstreamStatus,
      cause: this.cause,
      path,
    });
  }
}

export function badInput(message: string, field?: string, backend?: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, { field, backend });
}

export function unsupported(backend: string, what: string): GatewayError {
  return new GatewayError('UNSUPPORTED', `backend "${backend}" does not support ${what}`, { backend });
}

export function notFound(what: string, backend?: string): GatewayError {
  return new GatewayError('NOT_FOUND', `${what} not found`, { backend });
}

/**
 * An update whose fields all mean "leave as it is" for this backend. It is refused
 * rather than answered with the record unchanged: a key that may only write must
 * not be able to read through a write that writes nothing.
 */
export function nothingToChange(backend: string): GatewayError {
  return badInput(`backend "${backend}": the input changes nothing (a null or unsupported field leaves the record as it is)`, 'input', backend);
}

/**
 * Why an upstream call was cut at shutdown: past the drain deadline the gateway
 * stops waiting for backends, so every request in flight still gets its answer
 * (its data so far, `BACKEND_UNAVAILABLE` for what was cut) before the process exits.
 */
export class ShuttingDown extends GatewayError {
  constructor(backend?: string) {
    super('BACKEND_UNAVAILABLE', backend ? `backend "${backend}" did not answer before the gateway shut down` : 'the gateway is shutting down', { backend });
  }
}
