import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VARIABLE_ERROR = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*? at "([^"]+)"/s;

/** The argument each variable is passed to directly (`createCampaign(input: $i)` → i → input). */
function argumentsOfVariables(document: DocumentNode): Map<string, string> {
  const found = new Map<string, string>();
  visit(document, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE) found.set(node.value.name.value, node.name.value);
    },
  });
  return found;
}

/**
 * Gives a bad variable value (`scheduledAt: "tomorrow"`) the `extensions.field`
 * every other input error carries, as an input path (`input.scheduledAt`), so a
 * client can point at the field without parsing the message.
 */
export function useInputErrorFields(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          let names: Map<string, string> | undefined;
          const errors = result.errors.map((error: GraphQLError) => {
            const match = VARIABLE_ERROR.exec(error.message);
            if (!match || error.extensions?.field) return error;
            names ??= argumentsOfVariables(args.document);
            const [, variable, at] = match as unknown as [string, string, string];
            const argument = names.get(variable);
            const field = argument ? `${argument}${at.slice(variable.length)}` : at;
            return Object.assign(Object.create(Object.getPrototypeOf(error)), error, {
              extensions: { ...error.extensions, field },
            }) as GraphQLError;
          });
          setResult({ ...result, errors });
        },
      };
    },
  };
}
