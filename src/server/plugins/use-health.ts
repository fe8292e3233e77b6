import type { Plugin } from 'graphql-yoga';
import { pathOfUrl } from '../../observability/url-path.js';
import { Client } from 'undici';

/** A circuit breaker's state as {@link BackendHttpClient} reports it. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** A backend readiness looks at: what the config names, nothing secret. */
export interface ReadinessTarget {
  name: string;
  kind: string;
  /** Probed, never shown (it may carry credentials in its user-info part). */
  baseUrl: string;
}

/** One backend's line of the `/readyz` answer. */
export interface BackendReadiness {
  name: string;
  kind: string;
  /** The backend answered the probe with any HTTP status in time. */
  reachable: boolean;
  /** The gateway's circuit breaker towards it; `closed` when not known. */
  circuit: CircuitState;
}

/** Options of {@link useHealth}. */
export interface HealthOptions {
  backends: readonly ReadinessTarget[];
  /** The breaker state of a backend by name; default: every circuit reads `closed`. */
  circuitOf?: (backend: string) => CircuitState | undefined;
  /** Budget of one probe (connect to last byte); default 1000 ms. */
  probeTimeoutMs?: number;
  /** How long a finished probe round is reused, so `/readyz` polling cannot flood the backends; default 1000 ms. */
  probeCacheMs?: number;
  /** True while the server shuts down: `/readyz` answers 503 so load balancers stop sending. */
  draining?: () => boolean;
  /** Liveness path; default `/healthz`. */
  healthPath?: string;
  /** Readiness path; default `/readyz`. */
  readyPath?: string;
}

/**
 * Whether anything answers HTTP at `baseUrl`. Any status counts (a 401 or 404
 * from an unauthenticated GET proves the backend is up); only a refused
 * connection, a reset or the timeout count as unreachable. The probe sends no
 * credentials and uses its own connection, outside the circuit breaker and
 * the request pool.
 */
async function probe(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const url = new URL(baseUrl);
  const client = new Client(url.origin, { connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  try {
    const response = await client.request({ method: 'GET', path: url.pathname || '/', signal: AbortSignal.timeout(timeoutMs) });
    await response.body.dump();
    return true;
  } catch {
    return false;
  } finally {
    void client.destroy().catch(() => {});
  }
}

function json(fetchAPI: { Response: typeof Response }, status: number, body: unknown): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * `/healthz`: 200 while the process serves. `/readyz`: 200 with each backend's
 * state while at least one backend is reachable, 503 while none is (or while
 * draining). Neither needs a key; neither shows a URL or a credential.
 */
export function useHealth(options: HealthOptions): Plugin {
  const healthPath = options.healthPath ?? '/healthz';
  const readyPath = options.readyPath ?? '/readyz';
  const timeoutMs = options.probeTimeoutMs ?? 1000;
  const cacheMs = options.probeCacheMs ?? 1000;
  let last: { at: number; round: Promise<boolean[]> } | undefined;

  // Concurrent and recent readiness checks share one probe round.
  const reachability = (): Promise<boolean[]> => {
    const now = performance.now();
    if (!last || now - last.at > cacheMs) {
      const round = Promise.all(options.backends.map((b) => probe(b.baseUrl, timeoutMs)));
      last = { at: now, round };
      // Counted from when the round ended, so a slow round is not re-run at once.
      void round.then(() => {
        if (last?.round === round) last.at = performance.now();
      });
    }
    return last.round;
  };

  return {
    // Not async: every request passes here, and only the probes need to wait for anything.
    onRequest({ request, endResponse, fetchAPI }) {
      const path = pathOfUrl(request.url);
      if (path !== healthPath && path !== readyPath) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
      }
      if (path === healthPath) return endResponse(json(fetchAPI, 200, { status: 'ok' }));

      return reachability().then((reachable) => {
        const backends: BackendReadiness[] = options.backends.map((b, i) => ({
          name: b.name,
          kind: b.kind,
          reachable: reachable[i] ?? false,
          circuit: options.circuitOf?.(b.name) ?? 'closed',
        }));
        const draining = options.draining?.() ?? false;
        const ready = !draining && backends.some((b) => b.reachable);
        const status = draining ? 'draining' : ready ? 'ready' : 'unavailable';
        endResponse(json(fetchAPI, ready ? 200 : 503, { status, backends }));
      });
    },
  };
}
