const warned = new Set<string>();

/** Warns once per distinct message (a bad attribute from the page never throws). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[renfang] ${message}`);
}

/**
 * A comma-separated attribute (`status="REPORTED,RECTIFYING"`) as a list of allowed values;
 * unknown values are dropped with a warning. `undefined` when nothing is left (no filter).
 */
export function enumList(
  value: string | null | undefined,
  allowed: readonly string[],
  attribute: string,
): string[] | undefined {
  const list = (value ?? "")
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const good = list.filter((v) => allowed.includes(v));
  if (good.length < list.length) warnOnce(`ignoring unknown ${attribute} value in "${value}"`);
  return good.length ? good : undefined;
}

/** Parses `FIELD:ASC|DESC` (direction optional, ASC by default) against the allowed fields. */
export function parseSort(
  value: string,
  allowed: readonly string[],
): { field: string; direction: "ASC" | "DESC" } | null {
  const [field = "", dir = "ASC"] = value.trim().toUpperCase().split(":");
  if (!field) return null;
  if (!allowed.includes(field)) {
    warnOnce(`ignoring unknown sort "${value}"`);
    return null;
  }
  return { field, direction: dir === "DESC" ? "DESC" : "ASC" };
}

/** The filter of a query as export URL parameters (lists comma-separated, empties left out). */
export function filterParams(filter: Record<string, unknown>, params: URLSearchParams): URLSearchParams {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}
