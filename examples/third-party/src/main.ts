// The third-party program, run from the command line:
//
//   RENFANG_API_KEY=rfk_… pnpm --filter @renfang/example-third-party start -- census.xlsx
//
// RENFANG_ENDPOINT defaults to the embedded server (http://localhost:4000/graphql).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createClient } from "./client.ts";
import { type Hazard, hazardsOf, ImportRefused, importWorkbook, whoAmI } from "./sync.ts";

export interface RunOptions {
  endpoint: string;
  apiKey: string;
  /** The census workbook to push (.xlsx or .csv). */
  file: string;
  pageSize?: number;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  log?: (line: string) => void;
}

/** Pushes the workbook and pulls the region's hazards; returns what it did and what it got. */
export async function run(options: RunOptions) {
  const log = options.log ?? console.log;
  const client = createClient(options);
  const me = await whoAmI(client);
  if (!me?.region?.code) throw new Error("this API key has no region scope");
  log(`signed in as ${me.name} (${me.role}, ${me.region.name} ${me.region.code})`);

  const file = new File([await readFile(options.file)], basename(options.file));
  const imported = await importWorkbook(client, file);
  log(
    `imported ${file.name}: ${imported.rows} rows, ${imported.created} new, ${imported.updated} updated, ${imported.unchanged} unchanged`,
  );

  const hazards: Hazard[] = [];
  let pages = 0;
  for await (const page of hazardsOf(client, me.region.code, options.pageSize)) {
    hazards.push(...page);
    pages++;
  }
  const overdue = hazards.filter((h) => h.isOverdue).length;
  log(`pulled ${hazards.length} hazards of ${me.region.name} in ${pages} pages; ${overdue} overdue`);
  return { imported, hazards, pages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const apiKey = process.env.RENFANG_API_KEY;
  if (!file || !apiKey) {
    console.error("usage: RENFANG_API_KEY=rfk_… tsx src/main.ts census.xlsx   (RENFANG_ENDPOINT to change the server)");
    process.exit(2);
  }
  run({ endpoint: process.env.RENFANG_ENDPOINT ?? "http://localhost:4000/graphql", apiKey, file }).catch((err) => {
    if (err instanceof ImportRefused && err.refusal.__typename === "ValidationError") {
      for (const issue of err.refusal.issues ?? []) console.error(`${issue.rule}\t${issue.message}`);
    } else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
