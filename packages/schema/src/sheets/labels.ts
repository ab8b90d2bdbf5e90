// Labels of enum values for people, read from the GraphQL schema's own enum descriptions
// ("In use (使用中)."), so spreadsheets and GraphiQL say the same thing and there is no second
// table to keep in step. Exports print them; imports accept the value, the Chinese or the
// English label.
import { type GraphQLSchema, isEnumType } from "graphql";

export type Lang = "zh" | "en";

export interface EnumLabel {
  value: string;
  zh: string;
  en: string;
}

export type EnumLabels = Map<string, EnumLabel[]>;

const cache = new WeakMap<GraphQLSchema, EnumLabels>();

/** "Standalone work (单建)." → { en: "Standalone work", zh: "单建" }; the English label stops at the first comma. */
export function splitDescription(value: string, description: string | null | undefined): EnumLabel {
  const text = (description ?? "").trim();
  const m = /^(.*?)\s*[(（]([^()（）]*\p{Script=Han}[^()（）]*)[)）]/u.exec(text);
  const english = (m ? m[1] : text.replace(/\.$/, "")).split(/,\s|:\s/)[0].trim();
  return { value, zh: m ? m[2].trim() : english || value, en: english || value };
}

/** Every enum of the schema with its values' labels, computed once per schema. */
export function enumLabels(schema: GraphQLSchema): EnumLabels {
  let labels = cache.get(schema);
  if (!labels) {
    labels = new Map();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isEnumType(type) || type.name.startsWith("__")) continue;
      labels.set(
        type.name,
        type.getValues().map((v) => splitDescription(v.name, v.description)),
      );
    }
    cache.set(schema, labels);
  }
  return labels;
}

function valuesOf(labels: EnumLabels, type: string): EnumLabel[] {
  const values = labels.get(type);
  if (!values) throw new Error(`no enum ${type} in the schema`);
  return values;
}

/** The label of `value` for people, in `lang`. */
export function enumLabel(labels: EnumLabels, type: string, value: string, lang: Lang): string {
  const found = valuesOf(labels, type).find((l) => l.value === value);
  return found ? found[lang] : value;
}

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** The enum value a person typed: the value itself (any case), its Chinese or English label. Null if none. */
export function parseEnum(labels: EnumLabels, type: string, text: string): string | null {
  const wanted = fold(text);
  if (!wanted) return null;
  const found = valuesOf(labels, type).find(
    (l) => fold(l.value) === wanted || fold(l.zh) === wanted || fold(l.en) === wanted,
  );
  return found?.value ?? null;
}

/** "单建 / 结建" — the allowed labels of an enum, for error messages and the template. */
export function allowedLabels(labels: EnumLabels, type: string, lang: Lang): string[] {
  return valuesOf(labels, type).map((l) => l[lang]);
}
