// `renfang import shelters FILE`: the same import as the importShelters mutation (one function in
// the schema package), run by the operator of the deployment, who acts as the provincial
// administrator, and its error report as a table a person can work through row by row.
import { readFile } from "node:fs/promises";
import { type Context, createHazardEvents, type Database, defaultSettings, schema, type Viewer } from "@renfang/schema";
import type { ValidationError } from "@renfang/schema/errors";
import { type ImportIssue, type ImportOutcome, importShelters } from "@renfang/schema/rules/shelter-import";
import { enumLabels } from "@renfang/schema/sheets/labels";
import { readSheet } from "@renfang/schema/sheets/read";

/** Who the command line acts as: the deployment's operator, recorded as such in the audit trail. */
export const operator: Viewer = {
  subject: "cli",
  name: "renfang CLI",
  role: "PROVINCE_ADMIN",
  regionCode: null,
  organizationId: null,
};

/** A context like a request's, for code that runs outside one (CLI, benchmarks). */
export function cliContext(database: Database, viewer: Viewer = operator, now = new Date()): Context {
  return {
    prisma: database.prisma,
    provider: database.provider,
    viewer,
    now,
    pubsub: createHazardEvents(),
    ip: null,
    settings: defaultSettings,
  };
}

export async function importShelterFile(
  database: Database,
  path: string,
  options: { dryRun?: boolean; viewer?: Viewer; now?: Date } = {},
): Promise<ImportOutcome> {
  const sheet = await readSheet(new Uint8Array(await readFile(path)));
  const ctx = cliContext(database, options.viewer, options.now);
  return importShelters(ctx, sheet, { labels: enumLabels(schema), dryRun: options.dryRun });
}

/** One line per problem: row, column, rule, what is wrong. */
export function issueReport(err: ValidationError): string {
  const lines = (err.issues as Partial<ImportIssue>[]).map((i) =>
    [i.row ?? "-", i.column ?? i.field, i.rule, i.problem ?? i.message].join("\t"),
  );
  return [`${err.issues.length} problem(s); nothing was imported:`, "row\tcolumn\trule\tproblem", ...lines].join("\n");
}
