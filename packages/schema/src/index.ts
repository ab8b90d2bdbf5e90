// The GraphQL schema: one file per domain under types/, assembled here.
import { type GraphQLEnumType, type GraphQLSchema, isObjectType } from "graphql";
import { builder } from "./builder.ts";
import { anonymous, type Role } from "./context.ts";
import { refusedRootFields } from "./scope.ts";
import "./types/common.ts";
import "./types/enums.ts";
import "./types/region.ts";
import "./types/organization.ts";
import "./types/location.ts";
import "./types/shelter.ts";
import "./types/shelter-finder.ts";
import "./types/viewer.ts";
import "./types/hazard.ts";
import "./types/hazard-workflow.ts";
import "./types/hazard-escalation.ts";
import "./types/hazard-stats.ts";
import "./types/measure.ts";
import "./types/measure-update.ts";
import "./types/suspension.ts";
import "./types/subscription.ts";
import "./types/campaign.ts";
import "./types/campaign-create.ts";
import "./types/stage-report.ts";
import "./types/stage-report-submit.ts";
import "./types/report-compliance.ts";
import "./types/target.ts";
import "./types/target-progress.ts";
import "./types/letter.ts";
import "./types/drill.ts";
import "./types/drill-finding.ts";
import "./types/audit.ts";
import "./types/shelter-import.ts";
import "./types/duty.ts";
import "./types/duty-schedule.ts";
import "./types/patrol.ts";
import "./types/patrol-record.ts";
import "./types/incident.ts";
import "./types/incident-file.ts";

export const schema = describeRoles(describeGenerated(builder.toSchema({ sortSchema: false })));

/** Plugins generate a few fields without descriptions; GraphiQL is the analyst's manual, so say what they are. */
function describeGenerated(s: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(s.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name === "totalCount" && !field.description)
        field.description = "How many items match, over all pages.";
      for (const arg of field.args) {
        if (!arg.description && arg.name === "id") arg.description = "Opaque global id.";
        if (!arg.description && arg.name === "ids") arg.description = "Opaque global ids.";
      }
    }
  }
  return s;
}

/**
 * A client must tell from the schema alone which refusal it can meet: a root field that some roles
 * may not call lists the roles that may (asked of the very check the API runs before execution,
 * refusedRootFields); the others get a top-level FORBIDDEN error, never the field's result.
 */
function describeRoles(s: GraphQLSchema): GraphQLSchema {
  const roles = (s.getType("Role") as GraphQLEnumType).getValues().map((v) => v.value as Role);
  for (const root of [s.getQueryType(), s.getMutationType(), s.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const allowed = roles.filter((role) => !refusedRootFields(root, [field.name], { ...anonymous, role }).length);
      if (allowed.length === roles.length) continue;
      field.description = `${field.description} Roles: ${allowed.join(", ")}; any other role gets a top-level FORBIDDEN error and no data.`;
    }
  }
  return s;
}

export type { Context, Settings, Viewer } from "./context.ts";
export { anonymous, defaultSettings } from "./context.ts";
export type { Database, Db, Provider } from "./db.ts";
export { openDatabase, providerOf, redact, sqlitePath } from "./db.ts";
export { migrate } from "./migrate.ts";
export { createHazardEvents, type HazardEvents } from "./pubsub.ts";
