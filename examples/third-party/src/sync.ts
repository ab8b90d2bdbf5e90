// What the third-party system does: find out who its API key is, push its census workbook
// (checked first with a dry run, then imported all-or-nothing), then pull the hazard ledger of its
// region page by page.
import type { Client } from "./client.ts";
import { graphql, type ResultOf } from "./graphql.ts";

const WhoAmI = graphql(`
  query WhoAmI {
    viewer { name role region { code name } }
  }
`);

const ImportShelters = graphql(`
  mutation ImportShelters($input: ImportSheltersInput!) {
    importShelters(input: $input) {
      __typename
      ... on ImportSheltersPayload { rows created updated unchanged skipped dryRun }
      ... on ValidationError { message issues { field rule message } }
      ... on Error { code message }
    }
  }
`);

const HazardPage = graphql(`
  query HazardPage($filter: HazardFilter, $first: Int!, $after: String) {
    hazards(filter: $filter, first: $first, after: $after, orderBy: [{ field: CODE, direction: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { code title status level deadline isOverdue overdueDays shelter { code name } }
      }
    }
  }
`);

export type Hazard = NonNullable<ResultOf<typeof HazardPage>["hazards"]>["edges"][number]["node"];
type ImportResult = NonNullable<ResultOf<typeof ImportShelters>["importShelters"]>;
export type ImportPayload = Extract<ImportResult, { __typename: "ImportSheltersPayload" }>;
export type ImportRefusal = Exclude<ImportResult, ImportPayload>;

/** The import was refused; `refusal` is the typed error (a ValidationError lists every bad row). */
export class ImportRefused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.message ?? refusal.__typename);
  }
}

/** Who the key is: its role and region scope. */
export async function whoAmI(client: Client) {
  const { viewer } = await client.request(WhoAmI, {});
  return viewer;
}

/** Checks the workbook (dry run), then imports it; throws ImportRefused with every bad row. */
export async function importWorkbook(client: Client, file: Blob & { name: string }): Promise<ImportPayload> {
  const upload = async (dryRun: boolean) => {
    // The file travels as its own part; the variable holds null where it goes (multipart spec).
    const { importShelters: result } = await client.upload(
      ImportShelters,
      { input: { file: null as never, dryRun } },
      { "input.file": file },
    );
    if (!result) throw new Error("importShelters returned nothing");
    if (result.__typename !== "ImportSheltersPayload") throw new ImportRefused(result);
    return result;
  };
  await upload(true);
  return upload(false);
}

/** Every hazard of `regionCode` (and below), following the cursors `pageSize` at a time. */
export async function* hazardsOf(client: Client, regionCode: string, pageSize = 50): AsyncGenerator<Hazard[]> {
  let after: string | null = null;
  for (;;) {
    const { hazards }: ResultOf<typeof HazardPage> = await client.request(HazardPage, {
      filter: { regionCode },
      first: pageSize,
      after,
    });
    if (!hazards) return;
    yield hazards.edges.map((e) => e.node);
    if (!hazards.pageInfo.hasNextPage) return;
    after = hazards.pageInfo.endCursor;
  }
}
