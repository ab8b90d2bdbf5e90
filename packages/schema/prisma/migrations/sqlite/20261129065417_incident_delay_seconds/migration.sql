-- RedefineTables (existing reports get their delay computed from their timestamps)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_IncidentReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "dutyShiftId" INTEGER,
    "shelterId" INTEGER,
    "occurredAt" DATETIME NOT NULL,
    "reportedAt" DATETIME NOT NULL,
    "delaySeconds" INTEGER NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    CONSTRAINT "IncidentReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IncidentReport_dutyShiftId_fkey" FOREIGN KEY ("dutyShiftId") REFERENCES "DutyShift" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IncidentReport_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_IncidentReport" ("cityCode", "code", "dutyShiftId", "id", "occurredAt", "organizationId", "provinceCode", "regionCode", "reportedAt", "reportedBy", "severity", "shelterId", "summary", "delaySeconds") SELECT "cityCode", "code", "dutyShiftId", "id", "occurredAt", "organizationId", "provinceCode", "regionCode", "reportedAt", "reportedBy", "severity", "shelterId", "summary", CAST(CEIL(ROUND((julianday("reportedAt") - julianday("occurredAt")) * 86400000) / 1000.0) AS INTEGER) FROM "IncidentReport";
DROP TABLE "IncidentReport";
ALTER TABLE "new_IncidentReport" RENAME TO "IncidentReport";
CREATE UNIQUE INDEX "IncidentReport_code_key" ON "IncidentReport"("code");
CREATE INDEX "IncidentReport_organizationId_occurredAt_idx" ON "IncidentReport"("organizationId", "occurredAt");
CREATE INDEX "IncidentReport_cityCode_occurredAt_idx" ON "IncidentReport"("cityCode", "occurredAt");
CREATE INDEX "IncidentReport_occurredAt_idx" ON "IncidentReport"("occurredAt");
CREATE INDEX "IncidentReport_delaySeconds_idx" ON "IncidentReport"("delaySeconds");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

