// A Pothos plugin that refuses values no database can store (rules/storable.ts: NUL, unpaired
// surrogates, year 0) and texts or lists over the size limits (a 1 MB search, 20,000 ids) in any
// field's arguments, before its resolver runs: a mutation answers its typed ValidationError (the
// errors plugin handles argument errors), any other field a VALIDATION error. Nothing reaches Prisma.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { ValidationError } from "./errors.ts";
import { unstorableIssues } from "./rules/storable.ts";

export class StorableInputPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (Object.keys(fieldConfig.args).length === 0) return fieldConfig;
    return {
      ...fieldConfig,
      // First, so that no other rule (zod) walks a 20,000-item list or a 1 MB text.
      argMappers: [
        (args, ctx) => {
          // Paths as the validation plugin writes them: `title`, not `input.title`.
          const maxIds = (ctx as { settings?: { maxPageSize?: number } }).settings?.maxPageSize;
          const issues = unstorableIssues(args, "", maxIds).map((i) => ({
            ...i,
            field: i.field.replace(/^input\./, ""),
          }));
          if (issues.length) throw new ValidationError(issues);
          return args;
        },
        ...(fieldConfig.argMappers ?? []),
      ],
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      storableInput: StorableInputPlugin<Types>;
    }
  }
}

const pluginName = "storableInput";
export default pluginName;

SchemaBuilder.registerPlugin(pluginName, StorableInputPlugin);
