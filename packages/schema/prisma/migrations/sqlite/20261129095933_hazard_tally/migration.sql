-- CreateTable
CREATE TABLE "HazardTally" (
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "discoveredYear" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("countyCode", "status", "level", "category", "source", "discoveredYear")
);

-- CreateIndex
CREATE INDEX "HazardTally_cityCode_idx" ON "HazardTally"("cityCode");

-- CreateIndex
CREATE INDEX "HazardTally_provinceCode_idx" ON "HazardTally"("provinceCode");


-- Written by hand (Prisma does not model triggers): the tally follows every insert, delete and
-- change of a counted column of Hazard, in the writing transaction itself.
CREATE TRIGGER "Hazard_tally_insert" AFTER INSERT ON "Hazard" BEGIN
  INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredYear", "count")
  VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", CAST(strftime('%Y', NEW."discoveredOn") AS INTEGER), 1)
  ON CONFLICT ("countyCode", "status", "level", "category", "source", "discoveredYear") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Hazard_tally_delete" AFTER DELETE ON "Hazard" BEGIN
  UPDATE "HazardTally" SET "count" = "count" - 1
  WHERE "countyCode" = OLD."countyCode" AND "status" = OLD."status" AND "level" = OLD."level"
    AND "category" = OLD."category" AND "source" = OLD."source"
    AND "discoveredYear" = CAST(strftime('%Y', OLD."discoveredOn") AS INTEGER);
END;

CREATE TRIGGER "Hazard_tally_update"
AFTER UPDATE OF "countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredOn" ON "Hazard"
WHEN OLD."countyCode" IS NOT NEW."countyCode" OR OLD."status" IS NOT NEW."status" OR OLD."level" IS NOT NEW."level"
  OR OLD."category" IS NOT NEW."category" OR OLD."source" IS NOT NEW."source"
  OR OLD."discoveredOn" IS NOT NEW."discoveredOn"
BEGIN
  UPDATE "HazardTally" SET "count" = "count" - 1
  WHERE "countyCode" = OLD."countyCode" AND "status" = OLD."status" AND "level" = OLD."level"
    AND "category" = OLD."category" AND "source" = OLD."source"
    AND "discoveredYear" = CAST(strftime('%Y', OLD."discoveredOn") AS INTEGER);
  INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredYear", "count")
  VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", CAST(strftime('%Y', NEW."discoveredOn") AS INTEGER), 1)
  ON CONFLICT ("countyCode", "status", "level", "category", "source", "discoveredYear") DO UPDATE SET "count" = "count" + 1;
END;

-- The hazards already there.
INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredYear", "count")
SELECT "countyCode", min("cityCode"), min("provinceCode"), "status", "level", "category", "source", CAST(strftime('%Y', "Hazard"."discoveredOn") AS INTEGER), count(*)
FROM "Hazard" GROUP BY "countyCode", "status", "level", "category", "source", CAST(strftime('%Y', "Hazard"."discoveredOn") AS INTEGER);
