import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { DETAIL_FIELDS, type DetailField } from '../model/unified.js';

/** The fields selected directly in a selection set, fragments followed (directives are ignored: reading more than needed is only slower). */
function selectedFields(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: Map<string, SelectionSetNode[]>, seen = new Set<string>()) {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const sets = into.get(selection.name.value) ?? [];
      if (selection.selectionSet) sets.push(selection.selectionSet);
      into.set(selection.name.value, sets);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectedFields(selection.selectionSet, fragments, into, seen);
    } else if (!seen.has(selection.name.value)) {
      // A fragment spread twice (or cycling, in a document that validation refused) is read once.
      seen.add(selection.name.value);
      selectedFields(fragments[selection.name.value]?.selectionSet, fragments, into, seen);
    }
  }
  return into;
}

function fieldsOf(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): Map<string, SelectionSetNode[]> {
  const fields = new Map<string, SelectionSetNode[]>();
  for (const set of sets) selectedFields(set, fragments, fields);
  return fields;
}

/**
 * Which campaign fields that a list form may lack the current connection field
 * selects on its campaigns (under `nodes` and `edges { node }`), through
 * fragments and inline fragments, whatever their aliases.
 */
export function selectedDetailFields(info: GraphQLResolveInfo): ReadonlySet<DetailField> {
  const connection = fieldsOf(
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    info.fragments,
  );
  const edges = fieldsOf(connection.get('edges') ?? [], info.fragments);
  const campaign = fieldsOf([...(connection.get('nodes') ?? []), ...(edges.get('node') ?? [])], info.fragments);
  return new Set([...DETAIL_FIELDS].filter((field) => campaign.has(field)));
}
