import type { BackendResponse, RouteHandler } from '../shared/json-server.js';

/** The `code` of a touchpoint API error body. */
export type ApiErrorCode = 'invalid_request' | 'unauthorized' | 'not_found';

const STATUS: Record<ApiErrorCode, number> = { invalid_request: 400, unauthorized: 401, not_found: 404 };

/**
 * An error the API answers as `{"error": {"code", "message", "param"?}}`.
 * Route handlers throw it; the route wrapper turns it into the response.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** The request field or query parameter at fault, when there is one. */
  readonly param: string | undefined;

  constructor(code: ApiErrorCode, message: string, param?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.param = param;
  }

  /** The HTTP response for this error. */
  toResponse(): BackendResponse {
    const error: Record<string, string> = { code: this.code, message: this.message };
    if (this.param !== undefined) error.param = this.param;
    return { status: STATUS[this.code], body: { error } };
  }
}

/** A `400 invalid_request` about `param` (or about the whole request without one). */
export function invalidRequest(message: string, param?: string): ApiError {
  return new ApiError('invalid_request', message, param);
}

/** A `404 not_found`, naming the field that referred to the missing thing when there is one. */
export function notFound(message: string, param?: string): ApiError {
  return new ApiError('not_found', message, param);
}

/** Wraps a route handler so an {@link ApiError} it throws becomes its error response. */
export function answeringApiErrors(handler: RouteHandler): RouteHandler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      throw error;
    }
  };
}
