// importShelters: a census workbook (XLSX or CSV) uploaded by a third-party system through the
// GraphQL multipart request spec, imported all-or-nothing by the same function the CLI uses.
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { mutationErrors, ValidationError } from "../errors.ts";
import { type ImportOutcome, importShelters } from "../rules/shelter-import.ts";
import { enumLabels } from "../sheets/labels.ts";
import { readSheet } from "../sheets/read.ts";

/** Larger files are refused before reading (a census workbook of 100,000 works is ~15 MB). */
const MAX_BYTES = 50 * 1024 * 1024;

/** The server's fetch implementation brings its own File class: recognise a file by its shape. */
function isFile(value: unknown): value is File {
  const file = value as File | null;
  return (
    typeof file === "object" && file !== null && typeof file.arrayBuffer === "function" && typeof file.name === "string"
  );
}

builder.scalarType("File", {
  description: "An uploaded file, sent as a part of a GraphQL multipart request (上传文件). Input only.",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
  parseValue: (value) => {
    if (isFile(value)) return value;
    throw new GraphQLError("File: send the file as a part of a multipart request (GraphQL multipart request spec)");
  },
});

const ImportSheltersInput = builder.inputType("ImportSheltersInput", {
  description: "A census workbook to import into the registry (普查数据导入).",
  fields: (t) => ({
    file: t.field({
      type: "File",
      required: true,
      description: "The workbook: .xlsx or .csv (UTF-8 or GB18030), columns as in /export/shelters-template.xlsx.",
    }),
    dryRun: t.boolean({
      defaultValue: false,
      description: "Only check the file and count what would change; write nothing (仅校验).",
    }),
  }),
});

const ImportSheltersPayload = builder.objectRef<ImportOutcome>("ImportSheltersPayload").implement({
  description: "What the import did (导入结果). Importing the same file again creates and updates nothing.",
  fields: (t) => ({
    rows: t.exposeInt("rows", { nullable: false, description: "Data rows read (行数)." }),
    created: t.exposeInt("created", { nullable: false, description: "Works added to the registry (新增)." }),
    updated: t.exposeInt("updated", { nullable: false, description: "Works whose registry fields changed (更新)." }),
    unchanged: t.exposeInt("unchanged", {
      nullable: false,
      description: "Rows equal to the registry, left alone (未变).",
    }),
    skipped: t.exposeInt("skipped", { nullable: false, description: "Template example rows skipped (跳过的示例行)." }),
    dryRun: t.exposeBoolean("dryRun", { nullable: false, description: "Only checked; nothing was written (仅校验)." }),
  }),
});

builder.mutationField("importShelters", (t) =>
  t.field({
    type: ImportSheltersPayload,
    description:
      "Import a census workbook into the registry, upserting works by code (普查导入). All rows or none: a ValidationError lists every bad row as `rows.<row>.<field>` with the rule broken.",
    authScopes: { officer: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ImportSheltersInput, required: true, description: "The file." }) },
    resolve: async (_root, { input }, ctx, info) => {
      if (input.file.size > MAX_BYTES) {
        throw ValidationError.of("file", "size", `size: at most ${MAX_BYTES / 1024 / 1024} MB`);
      }
      const sheet = await readSheet(new Uint8Array(await input.file.arrayBuffer()));
      return importShelters(ctx, sheet, { labels: enumLabels(info.schema), dryRun: input.dryRun ?? false });
    },
  }),
);
