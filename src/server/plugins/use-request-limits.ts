import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits on the shape of one GraphQL document, checked at parse and validation
 * time, before any resolver runs or any backend is called.
 */
export interface RequestLimitsOptions {
  /** Deepest field nesting, fragments followed; default 10 (the deepest contract query needs 6). */
  maxDepth?: number;
  /** Aliased fields per operation; default 30. Aliases are how one request repeats an expensive field. */
  maxAliases?: number;
  /** Lexical tokens in the document; default 2000. Bounds parsing work before anything else runs. */
  maxTokens?: number;
  /**
   * Largest estimated cost; default 20000. graphql-armor's estimate: 1 per scalar,
   * 2 per object, children weighted ×1.5 per level, a list multiplied by a
   * literal `first` (a `first` given as a variable is not seen, so it counts
   * once; `first` is capped at 100 anyway). A page of 100 campaigns with every
   * scalar, backend, touchpoints and counters costs about 9800 and passes; 10
   * campaigns each with 100 messages costs about 26500 and is refused.
   */
  maxCost?: number;
  /** Directives per operation; default 50. */
  maxDirectives?: number;
  /**
   * Hide "Did you mean …?" suggestions in validation errors, which would
   * otherwise reveal the schema piece by piece; default false. The gateway
   * turns this on whenever introspection is off.
   */
  blockFieldSuggestions?: boolean;
}

/** The defaults of {@link RequestLimitsOptions}. */
export const DEFAULT_REQUEST_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 20_000,
  maxDirectives: 50,
} as const;

/** Which limit refused a document (`extensions.limit`). */
export type LimitName = 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxCost' | 'maxDirectives';

/**
 * graphql-armor words every refusal "Syntax Error: …" and gives it no code;
 * this drops the misleading prefix and names the limit. A validation-time
 * refusal is reported into the validation result instead of thrown, so it
 * travels like any invalid document (HTTP 400, `GRAPHQL_VALIDATION_FAILED`);
 * the token limit fires inside the parser and stays a parse error (400,
 * `GRAPHQL_PARSE_FAILED`).
 */
function refuse(limit: LimitName) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const extensions = error.extensions as Record<string, unknown>;
    extensions.code = context ? 'GRAPHQL_VALIDATION_FAILED' : 'GRAPHQL_PARSE_FAILED';
    extensions.limit = limit;
    error.message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(error);
  };
}

/**
 * Refuses documents that are too deep, too wide, too long or too costly before
 * they are executed, over every transport (HTTP, SSE and WebSocket all go
 * through the same parse and validate). Built on graphql-armor.
 */
export function useRequestLimits(options: RequestLimitsOptions = {}): Plugin {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options };
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, onReject: [refuse('maxDepth')], propagateOnRejection: false },
    maxAliases: { n: limits.maxAliases, onReject: [refuse('maxAliases')], propagateOnRejection: false },
    maxTokens: { n: limits.maxTokens, onReject: [refuse('maxTokens')] },
    costLimit: { maxCost: limits.maxCost, onReject: [refuse('maxCost')], propagateOnRejection: false },
    maxDirectives: { n: limits.maxDirectives, onReject: [refuse('maxDirectives')], propagateOnRejection: false },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions ?? false },
  });
  const { plugins } = armor.protect();
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin as Plugin);
    },
  };
}
