// The GraphQL schema: one file per domain under types/, assembled here.
import { type GraphQLSchema, isObjectType } from "graphql";
import { builder } from "./builder.ts";
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

export const schema = describeGenerated(builder.toSchema({ sortSchema: false }));

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

export type { Context, Settings, Viewer } from "./context.ts";
export { anonymous, defaultSettings } from "./context.ts";
export type { Database, Db, Provider } from "./db.ts";
export { openDatabase, providerOf, redact, sqlitePath } from "./db.ts";
export { migrate } from "./migrate.ts";
export { createHazardEvents, type HazardEvents } from "./pubsub.ts";
