// Runs the saved queries against a Renfang server and prints one table per query.
//
//   pnpm --filter @renfang/example-analyst analyst [--url URL] [--token TOKEN] [--today YYYY-MM-DD]
//        [--var name=value]... [query-name]...
//
// URL defaults to $RENFANG_URL or http://localhost:4000/graphql, TOKEN to $RENFANG_TOKEN (make one
// with `pnpm renfang token create --role ANALYST`); without a token the server answers as PUBLIC.
import { calendarVariables, chinaToday, formatTable, loadQueries, QueryFailed, runQuery } from "./analyst.ts";

function parse(argv: string[]) {
  const options = {
    url: process.env.RENFANG_URL ?? "http://localhost:4000/graphql",
    token: process.env.RENFANG_TOKEN ?? null,
    today: chinaToday(),
  };
  const vars: Record<string, string> = {};
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--") continue; // pnpm passes the separator through
    if (arg === "--url") options.url = value();
    else if (arg === "--token") options.token = value();
    else if (arg === "--today") options.today = value();
    else if (arg === "--var") {
      // Kept as text: each query reads it as the type it declares (typedVariable).
      const [k, ...rest] = value().split("=");
      vars[k] = rest.join("=");
    } else if (arg === "--help" || arg === "-h") names.push("--help");
    else names.push(arg);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error("--today must be a date YYYY-MM-DD");
  return { options, vars, names };
}

async function main() {
  const { options, vars, names } = parse(process.argv.slice(2));
  const queries = loadQueries();
  if (names.includes("--help")) {
    console.log("Saved queries:\n" + queries.map((q) => `  ${q.name.padEnd(34)} ${q.title}`).join("\n"));
    return;
  }
  const unknown = names.filter((n) => !queries.some((q) => q.name === n));
  if (unknown.length) throw new Error(`no saved query named ${unknown.join(", ")} (see --help)`);
  const variables = { ...calendarVariables(options.today), ...vars };
  for (const query of queries.filter((q) => !names.length || names.includes(q.name))) {
    const answer = await runQuery({ url: options.url, token: options.token }, query, variables);
    const count =
      answer.totalCount != null ? `${answer.rows.length} of ${answer.totalCount} rows` : `${answer.rows.length} rows`;
    console.log(
      `\n## ${query.name} — ${query.title}\n\n${formatTable(answer.rows)}\n\n(${count}, as of ${options.today})`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof QueryFailed || err instanceof Error ? `analyst: ${err.message}` : err);
  process.exit(1);
});
