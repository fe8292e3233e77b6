import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../../schema/paging.js';
import { useNoSuggestions } from './use-no-suggestions.js';

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
   * Bytes of document text, checked before parsing; default 64 KiB. The token
   * limit does not count comments, so this is what bounds a document made of
   * one huge comment.
   */
  maxDocumentBytes?: number;
  /**
   * Largest estimated cost; default 20000. graphql-armor's estimate: 1 per scalar,
   * 2 per object, children weighted ×1.5 per level, a list multiplied by a
   * literal `first` (taken as at most 100, the most any list hands out; a larger
   * one is the resolver's `BAD_USER_INPUT` on `first`, not a cost refusal; a
   * `first` given as a variable is not seen, so it counts once). A page of 100
   * campaigns with every scalar, backend, touchpoints and counters costs about
   * 9800 and passes; 10 campaigns each with 100 messages costs about 26500 and is refused.
   */
  maxCost?: number;
  /** Directives per operation; default 50. */
  maxDirectives?: number;
  /**
   * Hide every "Did you mean …?" suggestion (fields, arguments, types, enum
   * values, inline fragments, variable values), which would otherwise reveal
   * the schema piece by piece; default false. The gateway turns this on
   * whenever introspection is off (by default under NODE_ENV=production).
   */
  blockFieldSuggestions?: boolean;
}

/** The defaults of {@link RequestLimitsOptions}. */
export const DEFAULT_REQUEST_LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxDocumentBytes: 64 * 1024,
  maxCost: 20_000,
  maxDirectives: 50,
} as const;

/** Which limit refused a document (`extensions.limit`). */
export type LimitName = 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxDocumentBytes' | 'maxCost' | 'maxDirectives';

/**
 * graphql-armor words every refusal "Syntax Error: …" and gives it no code;
 * this drops the misleading prefix and names the limit. A validation-time
 * refusal is reported into the validation result instead of thrown, so it
 * travels like any invalid document (`GRAPHQL_VALIDATION_FAILED`); the token
 * limit fires inside the parser and stays a parse error (`GRAPHQL_PARSE_FAILED`).
 * Over HTTP, `useHttpErrorAnswers` answers every refusal naming a limit 400.
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

/** A copy of `node` with every literal `first`/`last` above the largest page taken as that page. */
function withPageSizesClamped<T extends ASTNode>(node: T): T {
  return visit(node, {
    Argument(argument) {
      const named = argument.name.value === 'first' || argument.name.value === 'last';
      if (!named || argument.value.kind !== Kind.INT || Number(argument.value.value) <= MAX_PAGE_SIZE) return undefined;
      return { ...argument, value: { ...argument.value, value: String(MAX_PAGE_SIZE) } };
    },
  });
}

/**
 * The cost rule, estimating with page sizes clamped: `first: 1000000000` would
 * otherwise be refused for its cost before the resolver could say what is wrong.
 */
function clampingPageSizes(rule: ValidationRule): ValidationRule {
  return (context) => {
    const clampedContext = new Proxy(context, {
      get(target, property) {
        if (property === 'getFragment') {
          return (name: string) => {
            const fragment: FragmentDefinitionNode | null | undefined = target.getFragment(name);
            return fragment ? withPageSizesClamped(fragment) : fragment;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const visitor = rule(clampedContext) as { OperationDefinition: { enter: (node: ASTNode) => void } };
    return { OperationDefinition: { enter: (node) => visitor.OperationDefinition.enter(withPageSizesClamped(node)) } };
  };
}

/** Refuses a document longer than `maxBytes` before the parser reads it. */
function documentSizeLimit(maxBytes: number): Plugin {
  return {
    onParse({ params }) {
      const source: unknown = params.source;
      const text = typeof source === 'string' ? source : (source as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string' || text.length <= maxBytes / 4 || Buffer.byteLength(text, 'utf8') <= maxBytes) return;
      throw new GraphQLError(`Document size limit of ${maxBytes} bytes exceeded.`, {
        extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'maxDocumentBytes' },
      });
    },
  };
}

/**
 * Refuses documents that are too long, too deep, too wide or too costly before
 * they are executed, over every transport (HTTP, SSE and WebSocket all go
 * through the same parse and validate). Built on graphql-armor.
 */
export function useRequestLimits(options: RequestLimitsOptions = {}): Plugin {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options };
  const off = { enabled: false };
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, onReject: [refuse('maxDepth')], propagateOnRejection: false },
    maxAliases: { n: limits.maxAliases, onReject: [refuse('maxAliases')], propagateOnRejection: false },
    maxTokens: { n: limits.maxTokens, onReject: [refuse('maxTokens')] },
    costLimit: off,
    maxDirectives: { n: limits.maxDirectives, onReject: [refuse('maxDirectives')], propagateOnRejection: false },
    blockFieldSuggestion: off,
  });
  const [cost] = new EnvelopArmor({
    costLimit: { maxCost: limits.maxCost, onReject: [refuse('maxCost')], propagateOnRejection: false },
    maxDepth: off,
    maxAliases: off,
    maxTokens: off,
    maxDirectives: off,
    blockFieldSuggestion: off,
  }).protect().plugins as Plugin[];
  const plugins: Plugin[] = [
    documentSizeLimit(limits.maxDocumentBytes),
    ...(armor.protect().plugins as Plugin[]),
    {
      onValidate(payload) {
        // graphql-armor's cost plugin adds its rule here; it is added wrapped instead.
        return cost!.onValidate!({ ...payload, addValidationRule: (rule: ValidationRule) => payload.addValidationRule(clampingPageSizes(rule)) });
      },
    },
  ];
  if (options.blockFieldSuggestions) plugins.push(useNoSuggestions());
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin);
    },
  };
}
