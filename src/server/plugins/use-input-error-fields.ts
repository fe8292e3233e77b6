import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js's variable-coercion errors: a bad value, a missing required variable, a null where none is allowed. */
const VARIABLE_ERROR = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" /;
const VALUE_PATH = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" got invalid value .*? at "([^"]+)"/s;

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

function withInputExtensions(result: unknown, document: DocumentNode, setResult: (result: never) => void): void {
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
  const errors = (result as { errors?: readonly GraphQLError[] }).errors;
  if (!errors?.length) return;
  let names: Map<string, string> | undefined;
  let changed = false;
  const mapped = errors.map((error) => {
    const variable = VARIABLE_ERROR.exec(error.message)?.[1];
    if (variable === undefined || (error.extensions?.code && error.extensions?.field)) return error;
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? 'BAD_USER_INPUT' };
    const at = VALUE_PATH.exec(error.message)?.[1];
    if (!extensions.field) {
      names ??= argumentsOfVariables(document);
      const argument = names.get(variable);
      const path = at ?? variable;
      extensions.field = argument ? `${argument}${path.slice(variable.length)}` : path;
    }
    changed = true;
    return Object.assign(Object.create(Object.getPrototypeOf(error)), error, { extensions }) as GraphQLError;
  });
  if (changed) setResult({ ...result, errors: mapped } as never);
}

/**
 * Gives a bad variable value (`scheduledAt: "tomorrow"`, `{ statu: … }`, a
 * missing required variable) the `extensions.code` (`BAD_USER_INPUT`) and the
 * `extensions.field` every other input error carries, the field as an input
 * path (`input.scheduledAt`), so a client can point at the field without
 * parsing the message. Queries, mutations and subscriptions alike.
 */
export function useInputErrorFields(): Plugin {
  return {
    onExecute({ args }) {
      return { onExecuteDone: ({ result, setResult }) => withInputExtensions(result, args.document, setResult) };
    },
    onSubscribe({ args }) {
      return { onSubscribeResult: ({ result, setResult }) => withInputExtensions(result, args.document, setResult) };
    },
  };
}
