/**
 * A message template as the provider registers it. Templates are managed outside
 * the v2 API; a campaign names one by `TempMsgID`.
 */
export interface V2Template {
  /** UUID, the `TempMsgID` campaigns refer to. */
  id: string;
  /** Provider name, copied into `TemplateName`, e.g. `order_confirmation`. */
  name: string;
  /** Language code, copied into `Lang`, e.g. `en_US`. */
  language: string;
  /** The `BODY` text with `{{1}}`, `{{2}}`… placeholders; auto-fills an empty `Message`. */
  body: string;
  /** The provider payload as a JSON string, with the same kind of placeholders. */
  json: string;
}

const VARIABLE = /\{\{(\d+)\}\}/g;

/** The distinct `{{n}}` placeholders across `texts`, e.g. `{{1}} {{2}} {{1}}` → `{1, 2}`. */
export function distinctVariables(...texts: string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(VARIABLE)) found.add(match[1] ?? '');
  return found;
}

/** How many params each client must carry for a template: its BODY's and JSON's distinct variables. */
export function templateVariableCount(template: V2Template): number {
  return distinctVariables(template.body, template.json).size;
}

/** The templates a backend knows, by id. */
export class TemplateCatalog {
  readonly #byId = new Map<string, V2Template>();

  constructor(templates: Iterable<V2Template>) {
    for (const template of templates) this.#byId.set(template.id, template);
  }

  find(id: string): V2Template | undefined {
    return this.#byId.get(id);
  }

  /** A snapshot of every template, for read-only inspection. */
  list(): readonly Readonly<V2Template>[] {
    return [...this.#byId.values()].map((template) => Object.freeze({ ...template }));
  }
}
