import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The root fields an operation selects, by name, one entry per selection (two aliases of one field
 * are two), through inline fragments and fragment spreads (Relay and Apollo clients spread
 * fragments at the root); `__typename` and introspection fields excluded. The scopes plugin and
 * the metrics plugin read the same list.
 */
export function rootFieldNames(document: DocumentNode, operationName: string | undefined): readonly string[] {
  let byName = cache.get(document);
  if (!byName) {
    byName = new Map();
    cache.set(document, byName);
  }
  let names = byName.get(operationName);
  if (!names) {
    names = walk(document, operationName);
    byName.set(operationName, names);
  }
  return names;
}

// yoga's parse cache hands back the same document object for the same query text.
const cache = new WeakMap<DocumentNode, Map<string | undefined, readonly string[]>>();

function walk(document: DocumentNode, operationName: string | undefined): readonly string[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names: string[] = [];
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) names.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!spread.has(selection.name.value)) {
        // Each fragment once: validation refuses cycles later, this must not loop before it.
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}
