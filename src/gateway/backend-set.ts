import type { BackendAdapter } from '../adapters/adapter.js';
import type { Capability } from '../model/enums.js';
import { GatewayError, badInput, unsupported } from '../model/errors.js';

/** The configured backends by name, with the checks resolvers need before routing to one. */
export class BackendSet {
  readonly #byName: Map<string, BackendAdapter>;

  constructor(readonly adapters: readonly BackendAdapter[]) {
    this.#byName = new Map(adapters.map((a) => [a.name, a]));
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

  /** The backend of an id decoded from a global id; an id naming a backend that is not configured does not exist. */
  forId(name: string): BackendAdapter | undefined {
    return this.#byName.get(name);
  }

  /** Throws `UNSUPPORTED` unless the backend declares the capability. */
  static require(adapter: BackendAdapter, capability: Capability, what: string): void {
    if (!adapter.capabilities.has(capability)) throw unsupported(adapter.name, what);
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

export { GatewayError };
