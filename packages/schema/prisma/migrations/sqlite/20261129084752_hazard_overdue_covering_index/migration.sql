-- DropIndex
DROP INDEX "Hazard_status_deadline_idx";

-- CreateIndex
CREATE INDEX "Hazard_status_deadline_countyCode_idx" ON "Hazard"("status", "deadline", "countyCode");

