-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "parentId" INTEGER,
    "phone" TEXT,
    CONSTRAINT "Organization_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "title" TEXT,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" INTEGER NOT NULL,
    CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Shelter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" REAL,
    "longitude" REAL,
    "constructionType" TEXT NOT NULL,
    "protectionClass" TEXT NOT NULL,
    "wartimeFunction" TEXT NOT NULL,
    "area" REAL NOT NULL,
    "wartimeCapacity" INTEGER NOT NULL,
    "peacetimeUse" TEXT NOT NULL,
    "parkingSpaces" INTEGER NOT NULL DEFAULT 0,
    "parkingOpenedOn" DATETIME,
    "parkingOpenedYear" INTEGER,
    "completionYear" INTEGER,
    "isEarlyWork" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "disasterShelter" BOOLEAN NOT NULL DEFAULT false,
    "disasterCapacity" INTEGER,
    "metroStation" TEXT,
    "censusStatus" TEXT NOT NULL DEFAULT 'NOT_SURVEYED',
    "builderId" INTEGER,
    "managerId" INTEGER,
    "userId" INTEGER,
    "openHazardCount" INTEGER NOT NULL DEFAULT 0,
    "lastPatrolledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shelter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shelter_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Shelter_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Shelter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Hazard" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "shelterId" INTEGER NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "discoveredOn" DATETIME NOT NULL,
    "discoveredBy" TEXT,
    "status" TEXT NOT NULL,
    "deadline" DATETIME,
    "measures" TEXT,
    "responsibleUnitId" INTEGER,
    "responsiblePerson" TEXT,
    "responsiblePhone" TEXT,
    "funds" REAL,
    "contingencyPlan" TEXT,
    "fixedOnSite" BOOLEAN NOT NULL DEFAULT false,
    "rectifiedOn" DATETIME,
    "closedOn" DATETIME,
    "submittedBy" TEXT,
    "escalatedAt" DATETIME,
    "escalatedToCode" TEXT,
    "patrolId" INTEGER,
    "drillId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Hazard_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Hazard_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Hazard_patrolId_fkey" FOREIGN KEY ("patrolId") REFERENCES "Patrol" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Hazard_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HazardEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hazardId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "HazardEvent_hazardId_fkey" FOREIGN KEY ("hazardId") REFERENCES "Hazard" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Suspension" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shelterId" INTEGER NOT NULL,
    "hazardId" INTEGER,
    "reason" TEXT NOT NULL,
    "orderedOn" DATETIME NOT NULL,
    "orderedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "reopenedOn" DATETIME,
    "reopenedBy" TEXT,
    CONSTRAINT "Suspension_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Suspension_hazardId_fkey" FOREIGN KEY ("hazardId") REFERENCES "Hazard" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "campaignId" INTEGER,
    "dueOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "completedOn" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Measure_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Measure_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Measure_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "regionCode" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CampaignPhase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    CONSTRAINT "CampaignPhase_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportingDeadline" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "recipient" TEXT NOT NULL,
    CONSTRAINT "ReportingDeadline_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deadlineId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "submittedBy" TEXT,
    "summary" TEXT,
    "attachmentUrl" TEXT,
    CONSTRAINT "StageReport_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "ReportingDeadline" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StageReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER,
    "metric" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Target_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Target_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponsibilityLetter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "issuerId" INTEGER,
    "year" INTEGER NOT NULL,
    "signedOn" DATETIME NOT NULL,
    "signatory" TEXT NOT NULL,
    "documentUrl" TEXT,
    CONSTRAINT "ResponsibilityLetter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ResponsibilityLetter_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Drill" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "shelterId" INTEGER,
    "metroStation" TEXT,
    "score" REAL,
    "findings" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Drill_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Drill_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Drill_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DutyShift" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "leaderId" INTEGER NOT NULL,
    CONSTRAINT "DutyShift_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DutyShift_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DutyAssignment" (
    "shiftId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    PRIMARY KEY ("shiftId", "personId"),
    CONSTRAINT "DutyAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "DutyShift" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DutyAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patrol" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "shelterId" INTEGER NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "patrolledAt" DATETIME NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "passed" BOOLEAN NOT NULL,
    CONSTRAINT "Patrol_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Patrol_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatrolItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patrolId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT,
    "photos" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "PatrolItem_patrolId_fkey" FOREIGN KEY ("patrolId") REFERENCES "Patrol" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentReport" (
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
    "reportedBy" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    CONSTRAINT "IncidentReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IncidentReport_dutyShiftId_fkey" FOREIGN KEY ("dutyShiftId") REFERENCES "DutyShift" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IncidentReport_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "regionCode" TEXT,
    "organizationId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "ip" TEXT,
    "operation" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "recordId" TEXT,
    "before" TEXT,
    "after" TEXT
);

-- CreateTable
CREATE TABLE "CodeSequence" (
    "prefix" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_regionCode_idx" ON "Organization"("regionCode");

-- CreateIndex
CREATE INDEX "Organization_cityCode_idx" ON "Organization"("cityCode");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Person_code_key" ON "Person"("code");

-- CreateIndex
CREATE INDEX "Person_organizationId_idx" ON "Person"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Shelter_code_key" ON "Shelter"("code");

-- CreateIndex
CREATE INDEX "Shelter_regionCode_idx" ON "Shelter"("regionCode");

-- CreateIndex
CREATE INDEX "Shelter_cityCode_idx" ON "Shelter"("cityCode");

-- CreateIndex
CREATE INDEX "Shelter_provinceCode_status_idx" ON "Shelter"("provinceCode", "status");

-- CreateIndex
CREATE INDEX "Shelter_cityCode_parkingOpenedYear_idx" ON "Shelter"("cityCode", "parkingOpenedYear");

-- CreateIndex
CREATE INDEX "Shelter_provinceCode_parkingOpenedYear_idx" ON "Shelter"("provinceCode", "parkingOpenedYear");

-- CreateIndex
CREATE INDEX "Shelter_regionCode_parkingOpenedYear_idx" ON "Shelter"("regionCode", "parkingOpenedYear");

-- CreateIndex
CREATE INDEX "Shelter_name_idx" ON "Shelter"("name");

-- CreateIndex
CREATE INDEX "Shelter_builderId_idx" ON "Shelter"("builderId");

-- CreateIndex
CREATE INDEX "Shelter_managerId_idx" ON "Shelter"("managerId");

-- CreateIndex
CREATE INDEX "Shelter_userId_idx" ON "Shelter"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Hazard_code_key" ON "Hazard"("code");

-- CreateIndex
CREATE INDEX "Hazard_shelterId_status_idx" ON "Hazard"("shelterId", "status");

-- CreateIndex
CREATE INDEX "Hazard_provinceCode_status_deadline_idx" ON "Hazard"("provinceCode", "status", "deadline");

-- CreateIndex
CREATE INDEX "Hazard_cityCode_status_deadline_idx" ON "Hazard"("cityCode", "status", "deadline");

-- CreateIndex
CREATE INDEX "Hazard_countyCode_status_deadline_idx" ON "Hazard"("countyCode", "status", "deadline");

-- CreateIndex
CREATE INDEX "Hazard_status_deadline_idx" ON "Hazard"("status", "deadline");

-- CreateIndex
CREATE INDEX "Hazard_discoveredOn_idx" ON "Hazard"("discoveredOn");

-- CreateIndex
CREATE INDEX "Hazard_deadline_idx" ON "Hazard"("deadline");

-- CreateIndex
CREATE INDEX "Hazard_level_status_idx" ON "Hazard"("level", "status");

-- CreateIndex
CREATE INDEX "Hazard_category_idx" ON "Hazard"("category");

-- CreateIndex
CREATE INDEX "Hazard_responsibleUnitId_idx" ON "Hazard"("responsibleUnitId");

-- CreateIndex
CREATE INDEX "HazardEvent_hazardId_id_idx" ON "HazardEvent"("hazardId", "id");

-- CreateIndex
CREATE INDEX "Suspension_shelterId_status_idx" ON "Suspension"("shelterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_code_key" ON "Measure"("code");

-- CreateIndex
CREATE INDEX "Measure_regionCode_idx" ON "Measure"("regionCode");

-- CreateIndex
CREATE INDEX "Measure_cityCode_idx" ON "Measure"("cityCode");

-- CreateIndex
CREATE INDEX "Measure_status_dueOn_idx" ON "Measure"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_code_key" ON "Campaign"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignPhase_campaignId_ordinal_key" ON "CampaignPhase"("campaignId", "ordinal");

-- CreateIndex
CREATE INDEX "ReportingDeadline_campaignId_dueOn_idx" ON "ReportingDeadline"("campaignId", "dueOn");

-- CreateIndex
CREATE INDEX "StageReport_organizationId_idx" ON "StageReport"("organizationId");

-- CreateIndex
CREATE INDEX "StageReport_cityCode_idx" ON "StageReport"("cityCode");

-- CreateIndex
CREATE UNIQUE INDEX "StageReport_deadlineId_organizationId_key" ON "StageReport"("deadlineId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_metric_regionCode_year_key" ON "Target"("metric", "regionCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsibilityLetter_organizationId_year_key" ON "ResponsibilityLetter"("organizationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Drill_code_key" ON "Drill"("code");

-- CreateIndex
CREATE INDEX "Drill_regionCode_idx" ON "Drill"("regionCode");

-- CreateIndex
CREATE INDEX "Drill_cityCode_idx" ON "Drill"("cityCode");

-- CreateIndex
CREATE INDEX "DutyShift_organizationId_startsAt_idx" ON "DutyShift"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "DutyShift_regionCode_startsAt_idx" ON "DutyShift"("regionCode", "startsAt");

-- CreateIndex
CREATE INDEX "DutyShift_cityCode_startsAt_idx" ON "DutyShift"("cityCode", "startsAt");

-- CreateIndex
CREATE INDEX "DutyShift_startsAt_endsAt_idx" ON "DutyShift"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "DutyAssignment_personId_idx" ON "DutyAssignment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Patrol_code_key" ON "Patrol"("code");

-- CreateIndex
CREATE INDEX "Patrol_shelterId_patrolledAt_idx" ON "Patrol"("shelterId", "patrolledAt");

-- CreateIndex
CREATE INDEX "Patrol_cityCode_patrolledAt_idx" ON "Patrol"("cityCode", "patrolledAt");

-- CreateIndex
CREATE INDEX "Patrol_countyCode_patrolledAt_idx" ON "Patrol"("countyCode", "patrolledAt");

-- CreateIndex
CREATE INDEX "Patrol_patrolledAt_idx" ON "Patrol"("patrolledAt");

-- CreateIndex
CREATE INDEX "PatrolItem_patrolId_idx" ON "PatrolItem"("patrolId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentReport_code_key" ON "IncidentReport"("code");

-- CreateIndex
CREATE INDEX "IncidentReport_organizationId_occurredAt_idx" ON "IncidentReport"("organizationId", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentReport_cityCode_occurredAt_idx" ON "IncidentReport"("cityCode", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentReport_occurredAt_idx" ON "IncidentReport"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_model_recordId_idx" ON "AuditLog"("model", "recordId");

