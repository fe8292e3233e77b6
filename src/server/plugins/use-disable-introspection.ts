import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Options of {@link useDisableIntrospection}. */
export interface DisableIntrospectionOptions {
  /** Whether introspection stays allowed; default false (refused). Config `introspection`. */
  allowed?: boolean;
}

/**
 * Refuses `__schema` and `__type` at validation (HTTP 400), on every transport.
 * `__typename` stays allowed: clients need it to tell union and interface
 * members apart, and it reveals nothing beyond the answer itself.
 */
export function useDisableIntrospection(options: DisableIntrospectionOptions = {}): Plugin {
  if (options.allowed) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
