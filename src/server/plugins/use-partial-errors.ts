import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/**
 * Appends the errors of backends that failed while others answered (collected
 * in `context.partialErrors` by list resolvers) to the response, so a client
 * gets every healthy backend's data and one precise error per failing one.
 */
export function usePartialErrors(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as GatewayContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || context.partialErrors.length === 0) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...context.partialErrors] });
        },
      };
    },
  };
}
