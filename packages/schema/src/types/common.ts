// Scalars, the typed errors every mutation can return, and shared argument types.
import { DateResolver, DateTimeResolver } from "graphql-scalars";
import { builder } from "../builder.ts";
import {
  ConflictError,
  type DomainError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  RuleError,
  ValidationError,
} from "../errors.ts";

builder.addScalarType("Date", DateResolver, {
  description: "A calendar date, ISO 8601 `YYYY-MM-DD` (日期).",
});
builder.addScalarType("DateTime", DateTimeResolver, {
  description: "An instant, ISO 8601 with offset, e.g. `2020-09-30T08:00:00.000Z` (时间).",
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "Something a mutation refused (错误). `code` is machine-readable; nothing was written.",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong, for people." }),
    code: t.exposeString("code", { description: "VALIDATION, NOT_FOUND, CONFLICT, FORBIDDEN or RULE." }),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "One broken rule of one input field (字段校验问题).",
  fields: (t) => ({
    field: t.exposeString("field", { description: "Path of the input field, e.g. `deadline` or `rows.3.regionCode`." }),
    rule: t.exposeString("rule", { description: "The rule broken, e.g. `required`, `format`, `range`." }),
    message: t.exposeString("message", { description: "What is wrong, for people." }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "Bad input (输入错误): names the field and the rule. Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({
    field: t.exposeString("field", { description: "The first offending field." }),
    rule: t.exposeString("rule", { description: "The rule the first offending field broke." }),
    issues: t.field({ type: [FieldIssueRef], description: "Every issue found.", resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The record named in the input does not exist or is not visible to this token (未找到).",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({
    field: t.exposeString("field", { nullable: true, description: "The input field that named it." }),
  }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "Someone changed the record first (stale `version`) or a unique value is taken (冲突).",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: (t) => ({
    field: t.exposeString("field", { nullable: true, description: "The conflicting input field." }),
    currentVersion: t.exposeInt("currentVersion", {
      nullable: true,
      description: "The record's version now; re-read it and try again.",
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description:
    "This token's scope does not allow the change (无权限): the mutation admits the token's role (its `Roles:`), but not for this record, region, organization or workflow step. A role the mutation does not admit never gets here: it is refused with a top-level error (`extensions.code` FORBIDDEN) and no `data`.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(RuleError, {
  name: "RuleError",
  description: "A campaign rule refuses the change, e.g. a workflow step out of order (业务规则).",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RuleError,
  fields: (t) => ({
    rule: t.exposeString("rule", { description: "The rule, e.g. `transition`, `fiveInPlace`, `acceptor`." }),
    field: t.exposeString("field", { nullable: true, description: "The input field concerned, if any." }),
  }),
});

export const OrderDirection = builder.enumType("OrderDirection", {
  description: "Sort direction (排序方向).",
  values: {
    ASC: { description: "Ascending (升序)." },
    DESC: { description: "Descending (降序)." },
  },
});

/** A mutation payload: one object with one field holding the changed record. */
export function payloadType<T extends object>(
  name: string,
  description: string,
  field: string,
  // biome-ignore lint/suspicious/noExplicitAny: any Pothos object ref (prisma or plain)
  type: any,
) {
  return builder.objectRef<Record<string, T>>(name).implement({
    description,
    fields: (t) => ({
      [field]: t.field({ type, description: `The ${field} as it is now.`, resolve: (p) => p[field] as never }),
    }),
  });
}
