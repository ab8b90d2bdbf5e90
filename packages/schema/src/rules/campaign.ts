// Validation of campaigns, targets, stage reports, letters and drills: zod rules for single
// fields (messages "rule: text", so errors carry the rule) and the cross-field checks of a
// campaign plan, which return every issue at once.
import { z } from "zod";
import { codeFormat } from "../codes.ts";
import type { FieldIssue } from "../errors.ts";

const text = (max: number) =>
  z.string().trim().min(2, "required: at least 2 characters").max(max, `length: at most ${max} characters`);

export const reportingFields = {
  campaignCode: codeFormat,
  name: text(200),
  title: text(200),
  description: z.string().max(5000, "length: at most 5000 characters"),
  recipient: text(100),
  regionCode: z.string().regex(/^\d{6}$/, "format: a six-digit GB/T 2260 region code"),
  year: z
    .number()
    .int("integer: a whole year")
    .min(2000, "range: year 2000 or later")
    .max(2100, "range: year 2100 or earlier"),
  targetValue: z.number().min(0, "range: a target is ≥ 0").max(10_000_000, "range: at most 10,000,000"),
  summary: z.string().trim().min(10, "required: at least 10 characters").max(5000, "length: at most 5000 characters"),
  url: z
    .string()
    .max(500, "length: at most 500 characters")
    .regex(/^(https?:\/\/|\/)\S+$/, "format: an http(s) URL or a /path"),
  signatory: text(50),
  score: z.number().min(0, "range: score 0..100").max(100, "range: score 0..100"),
  findings: z.string().max(5000, "length: at most 5000 characters"),
  metroStation: z.string().trim().min(1, "required: a station name").max(100, "length: at most 100 characters"),
};

/** Rate metrics are shares 0..1; their targets must be too. */
export const rateMetrics = new Set(["CENSUS_COVERAGE", "EARLY_WORK_SURVEY_COVERAGE", "HAZARD_CLOSURE_RATE"]);

export function targetIssues(metric: string, value: number): FieldIssue[] {
  if (rateMetrics.has(metric) && value > 1) {
    return [{ field: "value", rule: "range", message: `range: ${metric} is a share, 0..1` }];
  }
  return [];
}

export interface PlanInput {
  startsOn: Date;
  endsOn: Date;
  phases: readonly { startsOn: Date; endsOn: Date }[];
  deadlines?: readonly { dueOn: Date; organizationCodes: readonly string[] }[] | null;
}

/**
 * A campaign plan holds together: it ends after it starts, has at least one phase, its phases
 * follow one another inside the campaign without overlapping, and every reporting deadline
 * falls inside the campaign and names each organization that owes it once.
 */
export function planIssues(plan: PlanInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, rule: string, message: string) =>
    issues.push({ field, rule, message: `${rule}: ${message}` });
  if (plan.endsOn < plan.startsOn) issue("endsOn", "order", "the campaign ends before it starts");
  if (plan.phases.length === 0) issue("phases", "required", "a campaign has at least one phase");
  plan.phases.forEach((p, i) => {
    if (p.endsOn < p.startsOn) issue(`phases.${i}.endsOn`, "order", "the phase ends before it starts");
    if (p.startsOn < plan.startsOn || p.endsOn > plan.endsOn) {
      issue(`phases.${i}.startsOn`, "within", "a phase lies inside the campaign's dates");
    }
    const previous = plan.phases[i - 1];
    if (previous && p.startsOn <= previous.endsOn) {
      issue(`phases.${i}.startsOn`, "sequence", "a phase starts after the previous one ends");
    }
  });
  (plan.deadlines ?? []).forEach((d, i) => {
    if (d.dueOn < plan.startsOn || d.dueOn > plan.endsOn) {
      issue(`deadlines.${i}.dueOn`, "within", "a reporting deadline lies inside the campaign's dates");
    }
    if (d.organizationCodes.length === 0) {
      issue(`deadlines.${i}.organizationCodes`, "required", "name the organizations that owe the report");
    }
    const seen = new Set<string>();
    d.organizationCodes.forEach((code, j) => {
      if (seen.has(code)) issue(`deadlines.${i}.organizationCodes.${j}`, "unique", `${code} is named twice`);
      seen.add(code);
    });
  });
  return issues;
}
