import { setMaxListeners } from 'node:events';

/** A signal of its own that follows another, and how to stop following it. */
export interface FollowingSignal {
  /** Aborts the signal on its own (with `reason`), whatever the followed one does. */
  controller: AbortController;
  /** Stops listening to the followed signal (when the follower's work is done). */
  unfollow(): void;
}

/**
 * A new controller whose signal aborts, with the same reason, when `source` does.
 * A listener rather than `AbortSignal.any`, whose signals live on through weak
 * references until a full garbage collection. A `source` whose `reason` is set
 * counts as aborted even if its `aborted` reads false (whatwg-node's request
 * signal can, after the client went away). Every upstream call of the follower
 * listens to its signal, hence no listener limit.
 */
export function followSignal(source: AbortSignal | undefined): FollowingSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (!source) return { controller, unfollow: () => {} };
  const follow = () => controller.abort(source.reason);
  if (source.aborted || source.reason !== undefined) follow();
  else source.addEventListener('abort', follow, { once: true });
  return { controller, unfollow: () => source.removeEventListener('abort', follow) };
}
