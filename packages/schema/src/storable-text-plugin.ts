// A Pothos plugin that refuses text no database can store (rules/text.ts) in any field's
// arguments, before its resolver runs: a mutation answers its typed ValidationError (the errors
// plugin handles argument errors), any other field a VALIDATION error. Nothing reaches Prisma.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { ValidationError } from "./errors.ts";
import { textIssues } from "./rules/text.ts";

export class StorableTextPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (Object.keys(fieldConfig.args).length === 0) return fieldConfig;
    return {
      ...fieldConfig,
      argMappers: [
        ...(fieldConfig.argMappers ?? []),
        (args) => {
          // Paths as the validation plugin writes them: `title`, not `input.title`.
          const issues = textIssues(args, "").map((i) => ({ ...i, field: i.field.replace(/^input\./, "") }));
          if (issues.length) throw new ValidationError(issues);
          return args;
        },
      ],
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      storableText: StorableTextPlugin<Types>;
    }
  }
}

const pluginName = "storableText";
export default pluginName;

SchemaBuilder.registerPlugin(pluginName, StorableTextPlugin);
