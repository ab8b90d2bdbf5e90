// Demo data for the embedded default: loaded once, into an empty database.
import type { Database } from "@renfang/schema";
import { seedDemo } from "@renfang/schema/seed";
import type { Logger } from "pino";

export async function seedIfEmpty(database: Database, logger: Logger): Promise<void> {
  if ((await database.prisma.region.count()) > 0) return;
  logger.info("empty database: loading the demo dataset");
  await seedDemo(database.prisma, { log: (line) => logger.info(line) });
}
