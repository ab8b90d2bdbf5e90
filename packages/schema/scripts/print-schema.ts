// Writes the printed SDL to schema.graphql (committed; test/schema.test.ts fails when it drifts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { printSchema } from "graphql";
import { schema } from "../src/index.ts";
import { packageDir } from "./prisma-variants.ts";

writeFileSync(join(packageDir, "schema.graphql"), `${printSchema(schema)}\n`);
console.log("wrote packages/schema/schema.graphql");
