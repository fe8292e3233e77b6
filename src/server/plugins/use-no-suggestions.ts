import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js's suggestion sentences: fields, arguments, types, enum values, input fields, inline fragments. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function withoutSuggestions<T>(error: T): T {
  if (!(error instanceof GraphQLError)) return error;
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  }) as T;
}

function resultWithoutSuggestions(result: unknown, setResult: (result: never) => void): void {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
  const errors = (result as { errors?: readonly unknown[] }).errors;
  if (!errors?.length) return;
  setResult({ ...result, errors: errors.map(withoutSuggestions) } as never);
}

/**
 * Removes "Did you mean …?" from every error, which would otherwise reveal the
 * schema piece by piece to a client that guesses names: validation errors
 * (unknown fields, arguments and types, enum literals, fields of an interface
 * that need an inline fragment) and variable-coercion errors at execution and
 * subscription. It works on the enveloped hooks, so HTTP, SSE and WebSocket
 * are covered alike. The rest of each message stays.
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map(withoutSuggestions));
      };
    },
    onExecute() {
      return { onExecuteDone: ({ result, setResult }) => resultWithoutSuggestions(result, setResult) };
    },
    onSubscribe() {
      return { onSubscribeResult: ({ result, setResult }) => resultWithoutSuggestions(result, setResult) };
    },
  };
}
