import { en } from "./en.js";
import { type Messages, zhCN } from "./zh-CN.js";

export type { Messages };
export type Lang = "zh-CN" | "en";

const tables: Record<Lang, Messages> = { "zh-CN": zhCN, en };

/** Normalises any `lang` value to a supported language; anything not English is Chinese. */
export function normalizeLang(lang: string | null | undefined): Lang {
  return lang && /^en\b/i.test(lang) ? "en" : "zh-CN";
}

/** The translation table of a language. */
export function messages(lang: Lang): Messages {
  return tables[lang];
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}

/** The label of an enum value (falls back to the value itself, never throws). */
export function enumLabel(t: Messages, type: string, value: string | null | undefined): string {
  if (!value) return "";
  return t.enums[type]?.[value] ?? value;
}
