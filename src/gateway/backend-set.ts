import type { AdapterDeps } from '../adapters/seam/adapter-factory.js';
import type { BackendAdapter } from '../adapters/seam/backend-adapter.js';
import { callBudgetMs } from '../adapters/http/retry-policy.js';
import { adapterFactoriesOf, type BackendKindRegistry } from '../backend-kinds/backend-kind.js';
import { BACKEND_KIND_REGISTRY } from '../backend-kinds/registry.js';
import type { BackendConfig } from '../config/gateway-config.js';
import { badInput } from '../model/errors.js';

/** The configured backends by name, with the checks resolvers need before routing to one. */
export class BackendSet {
  readonly #byName: Map<string, BackendAdapter>;
  readonly #budgets: ReadonlyMap<string, number>;

  /**
   * @param budgets each backend's read budget in ms (see {@link budgetOf}); a
   *   backend without one is not bounded beyond its HTTP client's own timeouts.
   */
  constructor(readonly adapters: readonly BackendAdapter[], budgets: ReadonlyMap<string, number> = new Map()) {
    this.#byName = new Map(adapters.map((a) => [a.name, a]));
    this.#budgets = budgets;
  }

  /**
   * Builds each configured backend's adapter with its kind's factory, and notes its read budget.
   * @param kinds the kinds the entries are of (validated by `parseConfig` with the same); default every registered kind.
   */
  static fromConfig(entries: readonly BackendConfig[], deps: AdapterDeps, kinds: BackendKindRegistry = BACKEND_KIND_REGISTRY): BackendSet {
    const byKind = adapterFactoriesOf(kinds);
    const adapters = entries.map((entry) => byKind.get(entry.kind)!.create(entry, deps));
    const budgets = new Map(entries.map((entry) => [entry.name, callBudgetMs({ timeoutMs: entry.timeoutMs, retries: entry.retries })]));
    return new BackendSet(adapters, budgets);
  }

  /**
   * How long one read of a backend may take in all: its per-attempt timeout
   * times its attempts, plus the backoffs between them (CONTRACT.md "Errors").
   */
  budgetOf(name: string): number | undefined {
    return this.#budgets.get(name);
  }

  get(name: string): BackendAdapter | undefined {
    return this.#byName.get(name);
  }

  /** The backend named in an input, or `BAD_USER_INPUT` on `field`. */
  named(name: string, field: string): BackendAdapter {
    const adapter = this.#byName.get(name);
    if (!adapter) throw badInput(`unknown backend "${name}" (configured: ${[...this.#byName.keys()].join(', ')})`, field);
    return adapter;
  }

  /**
   * The backend a decoded global id names. This gateway never issued an id of a
   * backend it does not have, so such an id is `BAD_USER_INPUT` on `field`.
   */
  forId(name: string, field = 'id'): BackendAdapter {
    const adapter = this.#byName.get(name);
    if (!adapter) throw badInput(`the id names backend "${name}", which this gateway does not have`, field);
    return adapter;
  }

  /** The backends a list filter selects; unknown names are `BAD_USER_INPUT`. */
  select(names: readonly string[] | null | undefined): BackendAdapter[] {
    if (!names || names.length === 0) return [...this.adapters];
    return names.map((name) => this.named(name, 'filter.backends'));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.adapters.map((a) => a.close()));
  }
}
