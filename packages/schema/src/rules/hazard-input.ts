// Validation of the hazard workflow's input fields. Messages start with the rule name
// ("required: …") so ValidationError carries it. Five-in-place completeness depends on the
// hazard's level and is checked by fiveInPlaceIssues (rules/hazard.ts), not here.
import { z } from "zod";

const text = (min: number, max: number) =>
  z.string().trim().min(min, `required: at least ${min} characters`).max(max, `length: at most ${max} characters`);

const link = z
  .string()
  .max(500, "length: a link has at most 500 characters")
  .regex(/^https?:\/\/\S+$/, "format: evidence must be http(s) links");

export const hazardFields = {
  title: text(2, 200),
  description: text(0, 4000),
  person: text(2, 50),
  phone: z.string().regex(/^[0-9+\-() ]{5,20}$/, "format: a telephone number"),
  measures: text(2, 4000),
  funds: z.number().min(0, "range: funds must be ≥ 0").max(1e10, "range: funds at most 10,000,000,000 yuan"),
  contingencyPlan: text(2, 4000),
  comment: text(0, 2000),
  note: text(2, 2000),
  evidence: z.array(link).max(20, "length: at most 20 evidence links"),
  version: z.number().int("integer: a whole version number").min(1, "range: version ≥ 1"),
};
