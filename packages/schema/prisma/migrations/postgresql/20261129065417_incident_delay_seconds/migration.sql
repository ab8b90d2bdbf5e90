-- AlterTable
-- Backfilled for reports filed before the column existed, then required of every writer.
ALTER TABLE "IncidentReport" ADD COLUMN     "delaySeconds" INTEGER NOT NULL DEFAULT 0;
UPDATE "IncidentReport" SET "delaySeconds" = CEIL(EXTRACT(EPOCH FROM ("reportedAt" - "occurredAt")));
ALTER TABLE "IncidentReport" ALTER COLUMN "delaySeconds" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "IncidentReport_delaySeconds_idx" ON "IncidentReport"("delaySeconds");

