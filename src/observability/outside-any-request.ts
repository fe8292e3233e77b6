import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { outsideRequestScope } from './request-scope.js';

/**
 * `fn` as a callback that runs outside any request: no request scope and no
 * active trace. For timers that outlive the request that first started them
 * (a subscription's poller), whose later work belongs to no request: without
 * it, every poll would count towards, and trace under, that first request.
 */
export function outsideAnyRequest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => outsideRequestScope(() => context.with(ROOT_CONTEXT, () => fn(...args)));
}
