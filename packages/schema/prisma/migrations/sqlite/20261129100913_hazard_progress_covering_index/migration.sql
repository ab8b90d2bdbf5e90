-- DropIndex
DROP INDEX "Hazard_discoveredOn_idx";

-- CreateIndex
CREATE INDEX "Hazard_discoveredOn_provinceCode_cityCode_countyCode_status_closedOn_idx" ON "Hazard"("discoveredOn", "provinceCode", "cityCode", "countyCode", "status", "closedOn");

