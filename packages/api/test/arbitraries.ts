// A small toolkit of fast-check arbitraries for hostile input: strings (huge, SQL and script
// fragments, Unicode edge cases, blanks), dates, numbers, wrong types and wrong ids; and
// `hostileInput`, which takes a valid input of a GraphQL input type and breaks one or two of its
// fields (or nested fields) with values derived from their GraphQL types.
import fc from "fast-check";
import { type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType } from "graphql";

export const sqlFragments = [
  `'; DROP TABLE "Hazard";--`,
  `" OR 1=1 --`,
  `'); DELETE FROM "AuditLog"; --`,
  "%",
  "_",
  "\\",
  "' OR ''='",
];
export const scriptFragments = [
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  "javascript:alert(1)",
  "=cmd|' /C calc'!A0",
  "{{7*7}}",
  "#{7*7}",
];
/** Lone surrogates, bidi and zero-width marks, BOM, emoji (with ZWJ), combining marks, NUL, a noncharacter. */
export const unicodeEdges = [
  "\ud800",
  "\udfff",
  "a\ud83db",
  "\u202e",
  "\u200f",
  "\u200b",
  "\u200d",
  "\ufeff",
  "😀",
  "👨‍👩‍👧",
  "\u0000",
  "a\u0000b",
  "e\u0301",
  "\uffff",
];
export const blanks = ["", " ", "\t\n", "\u3000", "\u00a0"];

/** Text that a field of at most `max` characters accepts: Chinese, Latin, digits, emoji, inner spaces. */
export function validText(min: number, max: number): fc.Arbitrary<string> {
  const piece = fc.constantFrom("人防", "工程", "隐患", "整改", "A", "b", "7", " ", "-", "😀", "é", "消防", "'");
  return fc
    .array(piece, { minLength: min, maxLength: Math.min(max, 12) })
    .map((parts) => `隐患${parts.join("")}`.trim().slice(0, max))
    .filter((s) => s.length >= min);
}

/** A string no form should take as is. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlFragments, ...scriptFragments, ...blanks),
  fc
    .tuple(fc.constantFrom(...unicodeEdges), fc.constantFrom("before", "after", "alone"), validText(2, 20))
    .map(([edge, where, text]) => (where === "before" ? edge + text : where === "after" ? text + edge : edge)),
  fc.constantFrom(10_000, 100_000).map((n) => "人".repeat(n)),
  fc.string({ unit: "binary", maxLength: 40 }),
);

const iso = (d: Date) => d.toISOString();

/** Values for a `Date` (YYYY-MM-DD): years 0 and 9999, impossible days, other shapes, numbers. */
export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2022-02-30",
    "2022-13-01",
    "2022-00-10",
    "2022-06-15T00:00:00Z",
    "20220615",
    "15/06/2022",
    "NaN",
    "Invalid Date",
    "-000001-01-01",
    "+275760-09-13",
    " 2022-06-15",
    "",
    0,
    1e308,
    -1,
  ),
  fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => iso(d).slice(0, 10)),
);

/** Values for a `DateTime`: no offset, hour 25, year 0 and 9999, a bare date, epoch numbers. */
export const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "2022-06-15T25:00:00Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2022-06-15T08:00:00",
    "2022-06-15",
    "2022-02-30T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "NaN",
    "",
    1655251200000,
    -1,
  ),
  fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
    .map(iso),
);

/** Numbers past every range, negative, fractional where whole ones are due, and NaN-ish strings. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 5e-324, 2147483647, 2147483648, -2147483649, 1e10 + 1, 1_000_001),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e308", "12", "0x10"),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, true, 0, 1.5, "x", [], {}, [1, 2], { a: 1 });

const base64 = (s: string) => Buffer.from(s).toString("base64");

/** Ids that name nothing, or something of another kind: every id field gets these besides hostile strings. */
export function wrongIds(realCodes: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...realCodes),
    fc.constantFrom(
      base64("Hazard:1"),
      base64("ReportingDeadline:abc"),
      base64("ReportingDeadline:-1"),
      base64("ReportingDeadline:1e308"),
      base64("ReportingDeadline:99999999999999999999"),
      base64("ReportingDeadline:"),
      base64(":"),
      "not-base64!!",
      "0",
      "-1",
    ),
    hostileString,
  );
}

/** A hostile value for a field of `type`, null, or a wrong type (GraphQL then refuses the operation). */
export function hostileFor(
  type: GraphQLInputType,
  name: string,
  valid: unknown,
  realCodes: string[],
): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  let hostile: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    const element = inner.ofType;
    const items = Array.isArray(valid) ? valid : [];
    hostile = fc.oneof(
      fc.constant([]),
      hostileFor(element, name, items[0], realCodes).map((v) => [...items, v]),
      fc.constant(Array.from({ length: 200 }, () => items[0] ?? "x")),
    );
  } else if (isInputObjectType(inner)) {
    hostile =
      valid && typeof valid === "object" ? hostileInput(inner, valid as Record<string, unknown>, realCodes) : wrongType;
  } else if (isEnumType(inner)) {
    hostile = fc.constantFrom("", "major", inner.getValues()[0].value.toLowerCase(), sqlFragments[0], "\u0000");
  } else {
    const scalar = getNamedType(inner).name;
    if (scalar === "Int" || scalar === "Float") hostile = hostileNumber;
    else if (scalar === "Date") hostile = hostileDate;
    else if (scalar === "DateTime") hostile = hostileDateTime;
    else if (scalar === "Boolean") hostile = fc.constantFrom("true", 1, "");
    else if (scalar === "ID" || /Codes?$|Id$/.test(name)) hostile = wrongIds(realCodes);
    else hostile = hostileString;
  }
  // An explicit null: "clear it" for an optional field, a GraphQL error for a required one.
  return fc.oneof(
    { weight: 5, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

/**
 * `valid` with one or two of its fields broken: set to a hostile value of the field's type,
 * left out, or (rarely) joined by a field the type does not have. Lists and nested inputs are
 * broken inside.
 */
export function hostileInput(
  type: GraphQLInputType,
  valid: Record<string, unknown>,
  realCodes: string[],
): fc.Arbitrary<Record<string, unknown>> {
  const object = isNonNullType(type) ? type.ofType : type;
  if (!isInputObjectType(object)) throw new Error(`${type} is not an input object type`);
  const fields = object.getFields();
  const breakOne = (input: Record<string, unknown>) => {
    const given = Object.keys(input);
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .constantFrom(...Object.keys(fields))
          .chain((name) =>
            hostileFor(fields[name].type, name, input[name], realCodes).map((v) => ({ ...input, [name]: v })),
          ),
      },
      ...(given.length
        ? [
            {
              weight: 1,
              arbitrary: fc.constantFrom(...given).map((name) => {
                const { [name]: _, ...rest } = input;
                return rest;
              }),
            },
          ]
        : []),
      { weight: 1, arbitrary: fc.constant({ ...input, notAField: sqlFragments[0] }) },
    );
  };
  return fc.oneof(breakOne(valid), breakOne(valid).chain(breakOne));
}
