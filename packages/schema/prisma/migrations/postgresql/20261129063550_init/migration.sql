-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('CIVIL_AIR_DEFENSE_OFFICE', 'PROVINCIAL_DIVISION', 'DIRECT_UNIT', 'BUILDER', 'MANAGER', 'OPERATOR', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "ConstructionType" AS ENUM ('STANDALONE', 'ATTACHED');

-- CreateEnum
CREATE TYPE "WartimeFunction" AS ENUM ('PERSONNEL_SHELTER', 'MEDICAL_AID', 'PROFESSIONAL_TEAM', 'SUPPORT', 'MATERIAL_STORAGE', 'COMMAND');

-- CreateEnum
CREATE TYPE "PeacetimeUse" AS ENUM ('PARKING', 'COMMERCIAL', 'STORAGE', 'IDLE', 'OTHER');

-- CreateEnum
CREATE TYPE "ShelterStatus" AS ENUM ('IN_USE', 'IDLE', 'SUSPENDED', 'UNDER_CONSTRUCTION', 'DECOMMISSIONED');

-- CreateEnum
CREATE TYPE "CensusStatus" AS ENUM ('NOT_SURVEYED', 'SURVEYED', 'VERIFIED');

-- CreateEnum
CREATE TYPE "HazardCategory" AS ENUM ('FIRE', 'STRUCTURE', 'WATER', 'ELECTRICAL', 'VENTILATION', 'EVACUATION_ROUTE', 'PROTECTIVE_EQUIPMENT', 'ILLEGAL_OCCUPANCY', 'MANAGEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "HazardLevel" AS ENUM ('GENERAL', 'MAJOR');

-- CreateEnum
CREATE TYPE "HazardSource" AS ENUM ('SELF_CHECK', 'INSPECTION', 'CENSUS', 'PATROL', 'PUBLIC_REPORT', 'DRILL');

-- CreateEnum
CREATE TYPE "HazardStatus" AS ENUM ('REPORTED', 'RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED');

-- CreateEnum
CREATE TYPE "HazardAction" AS ENUM ('REPORT', 'ASSIGN', 'SUBMIT', 'ACCEPT', 'REJECT', 'ESCALATE');

-- CreateEnum
CREATE TYPE "SuspensionStatus" AS ENUM ('ACTIVE', 'LIFTED');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "TargetMetric" AS ENUM ('NEW_PARKING_SPACES', 'CENSUS_COVERAGE', 'EARLY_WORK_SURVEY_COVERAGE', 'HAZARD_CLOSURE_RATE');

-- CreateEnum
CREATE TYPE "DrillKind" AS ENUM ('DRILL', 'ASSESSMENT');

-- CreateEnum
CREATE TYPE "ShiftKind" AS ENUM ('DAY', 'NIGHT', 'FULL_DAY');

-- CreateEnum
CREATE TYPE "ChecklistItem" AS ENUM ('FIRE_EQUIPMENT', 'EVACUATION_ROUTE', 'VENTILATION', 'WATER', 'SIGNAGE', 'NO_ILLEGAL_OCCUPANCY', 'ELECTRICAL', 'PROTECTIVE_EQUIPMENT');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('MINOR', 'SERIOUS', 'MAJOR', 'CRITICAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'UNIT_USER', 'ANALYST', 'PUBLIC');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "parentId" INTEGER,
    "phone" TEXT,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "title" TEXT,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" INTEGER NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shelter" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "constructionType" "ConstructionType" NOT NULL,
    "protectionClass" TEXT NOT NULL,
    "wartimeFunction" "WartimeFunction" NOT NULL,
    "area" DOUBLE PRECISION NOT NULL,
    "wartimeCapacity" INTEGER NOT NULL,
    "peacetimeUse" "PeacetimeUse" NOT NULL,
    "parkingSpaces" INTEGER NOT NULL DEFAULT 0,
    "parkingOpenedOn" TIMESTAMP(3),
    "parkingOpenedYear" INTEGER,
    "completionYear" INTEGER,
    "isEarlyWork" BOOLEAN NOT NULL DEFAULT false,
    "status" "ShelterStatus" NOT NULL,
    "disasterShelter" BOOLEAN NOT NULL DEFAULT false,
    "disasterCapacity" INTEGER,
    "metroStation" TEXT,
    "censusStatus" "CensusStatus" NOT NULL DEFAULT 'NOT_SURVEYED',
    "builderId" INTEGER,
    "managerId" INTEGER,
    "userId" INTEGER,
    "openHazardCount" INTEGER NOT NULL DEFAULT 0,
    "lastPatrolledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shelter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hazard" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "shelterId" INTEGER NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "category" "HazardCategory" NOT NULL,
    "level" "HazardLevel" NOT NULL,
    "source" "HazardSource" NOT NULL,
    "discoveredOn" TIMESTAMP(3) NOT NULL,
    "discoveredBy" TEXT,
    "status" "HazardStatus" NOT NULL,
    "deadline" TIMESTAMP(3),
    "measures" TEXT,
    "responsibleUnitId" INTEGER,
    "responsiblePerson" TEXT,
    "responsiblePhone" TEXT,
    "funds" DOUBLE PRECISION,
    "contingencyPlan" TEXT,
    "fixedOnSite" BOOLEAN NOT NULL DEFAULT false,
    "rectifiedOn" TIMESTAMP(3),
    "closedOn" TIMESTAMP(3),
    "submittedBy" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "escalatedToCode" TEXT,
    "patrolId" INTEGER,
    "drillId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hazard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HazardEvent" (
    "id" SERIAL NOT NULL,
    "hazardId" INTEGER NOT NULL,
    "action" "HazardAction" NOT NULL,
    "fromStatus" "HazardStatus",
    "toStatus" "HazardStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,
    "evidence" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "HazardEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suspension" (
    "id" SERIAL NOT NULL,
    "shelterId" INTEGER NOT NULL,
    "hazardId" INTEGER,
    "reason" TEXT NOT NULL,
    "orderedOn" TIMESTAMP(3) NOT NULL,
    "orderedBy" TEXT NOT NULL,
    "status" "SuspensionStatus" NOT NULL DEFAULT 'ACTIVE',
    "reopenedOn" TIMESTAMP(3),
    "reopenedBy" TEXT,

    CONSTRAINT "Suspension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "campaignId" INTEGER,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "completedOn" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "regionCode" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignPhase" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingDeadline" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "recipient" TEXT NOT NULL,

    CONSTRAINT "ReportingDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageReport" (
    "id" SERIAL NOT NULL,
    "deadlineId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "summary" TEXT,
    "attachmentUrl" TEXT,

    CONSTRAINT "StageReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER,
    "metric" "TargetMetric" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityLetter" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "issuerId" INTEGER,
    "year" INTEGER NOT NULL,
    "signedOn" TIMESTAMP(3) NOT NULL,
    "signatory" TEXT NOT NULL,
    "documentUrl" TEXT,

    CONSTRAINT "ResponsibilityLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Drill" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "DrillKind" NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "shelterId" INTEGER,
    "metroStation" TEXT,
    "score" DOUBLE PRECISION,
    "findings" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyShift" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "kind" "ShiftKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "leaderId" INTEGER NOT NULL,

    CONSTRAINT "DutyShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyAssignment" (
    "shiftId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    CONSTRAINT "DutyAssignment_pkey" PRIMARY KEY ("shiftId","personId")
);

-- CreateTable
CREATE TABLE "Patrol" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "shelterId" INTEGER NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "patrolledAt" TIMESTAMP(3) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "Patrol_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatrolItem" (
    "id" SERIAL NOT NULL,
    "patrolId" INTEGER NOT NULL,
    "item" "ChecklistItem" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT,
    "photos" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "PatrolItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentReport" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT,
    "provinceCode" TEXT NOT NULL,
    "dutyShiftId" INTEGER,
    "shelterId" INTEGER,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,

    CONSTRAINT "IncidentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "regionCode" TEXT,
    "organizationId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "ip" TEXT,
    "operation" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "recordId" TEXT,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeSequence" (
    "prefix" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "CodeSequence_pkey" PRIMARY KEY ("prefix")
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

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shelter" ADD CONSTRAINT "Shelter_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shelter" ADD CONSTRAINT "Shelter_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shelter" ADD CONSTRAINT "Shelter_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shelter" ADD CONSTRAINT "Shelter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_patrolId_fkey" FOREIGN KEY ("patrolId") REFERENCES "Patrol"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hazard" ADD CONSTRAINT "Hazard_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HazardEvent" ADD CONSTRAINT "HazardEvent_hazardId_fkey" FOREIGN KEY ("hazardId") REFERENCES "Hazard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspension" ADD CONSTRAINT "Suspension_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspension" ADD CONSTRAINT "Suspension_hazardId_fkey" FOREIGN KEY ("hazardId") REFERENCES "Hazard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPhase" ADD CONSTRAINT "CampaignPhase_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingDeadline" ADD CONSTRAINT "ReportingDeadline_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageReport" ADD CONSTRAINT "StageReport_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "ReportingDeadline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageReport" ADD CONSTRAINT "StageReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityLetter" ADD CONSTRAINT "ResponsibilityLetter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityLetter" ADD CONSTRAINT "ResponsibilityLetter_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShift" ADD CONSTRAINT "DutyShift_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyShift" ADD CONSTRAINT "DutyShift_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "DutyShift"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatrolItem" ADD CONSTRAINT "PatrolItem_patrolId_fkey" FOREIGN KEY ("patrolId") REFERENCES "Patrol"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_dutyShiftId_fkey" FOREIGN KEY ("dutyShiftId") REFERENCES "DutyShift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_shelterId_fkey" FOREIGN KEY ("shelterId") REFERENCES "Shelter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

