// Inputs of the hazard workflow mutations. Five-in-place fields are optional in the schema so a
// missing one comes back as a typed ValidationError (rule fiveInPlace) naming it, not a parse error.
import { builder } from "../builder.ts";
import { hazardFields as v } from "../rules/hazard-input.ts";
import { HazardCategory, HazardLevel, HazardSource } from "./enums.ts";

type Fields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** The hazard a step applies to and the version the caller read. */
const target = (t: Fields) => ({
  code: t.string({ required: true, description: "Hazard code (隐患编号)." }),
  version: t.int({
    required: true,
    description: "The version you read; a newer one means a conflict.",
    validate: v.version,
  }),
});

const evidence = (t: Fields) =>
  t.stringList({ description: "Links to photos and documents (佐证材料), http(s).", validate: v.evidence });

export const ReportInput = builder.inputType("ReportHazardInput", {
  description: "A hazard found at a work (登记隐患).",
  fields: (t) => ({
    shelterCode: t.string({ required: true, description: "Code of the work (工程编号)." }),
    title: t.string({ required: true, description: "What is wrong, in a line (隐患名称).", validate: v.title }),
    description: t.string({ description: "Details (隐患描述).", validate: v.description }),
    category: t.field({ type: HazardCategory, required: true, description: "Category (隐患类别)." }),
    level: t.field({ type: HazardLevel, required: true, description: "General or major (隐患等级)." }),
    source: t.field({ type: HazardSource, required: true, description: "How it was found (隐患来源)." }),
    discoveredOn: t.field({ type: "Date", description: "Date found; default today (发现日期)." }),
    discoveredBy: t.string({ description: "Who found it; default the caller (发现人).", validate: v.person }),
    fixedOnSite: t.boolean({
      description: "Already fixed on the spot (立查立改): goes straight to acceptance. GENERAL only.",
    }),
    comment: t.string({ description: "Note for the history (说明).", validate: v.comment }),
    evidence: evidence(t),
  }),
});

export const AssignInput = builder.inputType("AssignRectificationInput", {
  description:
    "The rectification plan, five in place (五落实). Funds and contingency plan are required for MAJOR hazards.",
  fields: (t) => ({
    ...target(t),
    responsibleUnitCode: t.string({ description: "Responsible unit's code (整改责任单位)." }),
    responsiblePerson: t.string({ description: "Responsible person (整改责任人).", validate: v.person }),
    responsiblePhone: t.string({ description: "Their phone (联系电话).", validate: v.phone }),
    measures: t.string({ description: "Rectification measures (整改措施).", validate: v.measures }),
    deadline: t.field({ type: "Date", description: "Deadline (整改时限)." }),
    funds: t.float({ description: "Funds, yuan (整改资金).", validate: v.funds }),
    contingencyPlan: t.string({ description: "Contingency plan until fixed (应急预案).", validate: v.contingencyPlan }),
    comment: t.string({ description: "Note for the history (说明).", validate: v.comment }),
    evidence: evidence(t),
  }),
});

export const SubmitInput = builder.inputType("SubmitRectificationInput", {
  description: "A finished rectification handed in for acceptance (提交验收).",
  fields: (t) => ({
    ...target(t),
    note: t.string({ required: true, description: "What was done (整改完成情况).", validate: v.note }),
    rectifiedOn: t.field({ type: "Date", description: "Date completed; default today (整改完成日期)." }),
    evidence: evidence(t),
  }),
});

export const AcceptInput = builder.inputType("AcceptRectificationInput", {
  description: "Acceptance of a rectification (验收销号).",
  fields: (t) => ({
    ...target(t),
    comment: t.string({ description: "Acceptance opinion (验收意见).", validate: v.comment }),
    evidence: evidence(t),
  }),
});

export const RejectInput = builder.inputType("RejectRectificationInput", {
  description: "Refusal of a rectification (验收不通过).",
  fields: (t) => ({
    ...target(t),
    reason: t.string({ required: true, description: "Why it is refused (不通过原因).", validate: v.note }),
    evidence: evidence(t),
  }),
});
