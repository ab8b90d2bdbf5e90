-- CreateTable
CREATE TABLE "HazardTally" (
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("countyCode", "status", "level", "category", "source")
);

-- CreateIndex
CREATE INDEX "HazardTally_cityCode_idx" ON "HazardTally"("cityCode");

-- CreateIndex
CREATE INDEX "HazardTally_provinceCode_idx" ON "HazardTally"("provinceCode");


-- Written by hand (Prisma does not model triggers): the tally follows every insert, delete and
-- change of a counted column of Hazard, in the writing transaction itself.
CREATE TRIGGER "Hazard_tally_insert" AFTER INSERT ON "Hazard" BEGIN
  INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "count")
  VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", 1)
  ON CONFLICT ("countyCode", "status", "level", "category", "source") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Hazard_tally_delete" AFTER DELETE ON "Hazard" BEGIN
  UPDATE "HazardTally" SET "count" = "count" - 1
  WHERE "countyCode" = OLD."countyCode" AND "status" = OLD."status" AND "level" = OLD."level"
    AND "category" = OLD."category" AND "source" = OLD."source";
END;

CREATE TRIGGER "Hazard_tally_update"
AFTER UPDATE OF "countyCode", "cityCode", "provinceCode", "status", "level", "category", "source" ON "Hazard"
WHEN OLD."countyCode" IS NOT NEW."countyCode" OR OLD."status" IS NOT NEW."status" OR OLD."level" IS NOT NEW."level"
  OR OLD."category" IS NOT NEW."category" OR OLD."source" IS NOT NEW."source"
BEGIN
  UPDATE "HazardTally" SET "count" = "count" - 1
  WHERE "countyCode" = OLD."countyCode" AND "status" = OLD."status" AND "level" = OLD."level"
    AND "category" = OLD."category" AND "source" = OLD."source";
  INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "count")
  VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", 1)
  ON CONFLICT ("countyCode", "status", "level", "category", "source") DO UPDATE SET "count" = "count" + 1;
END;

-- The hazards already there.
INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "count")
SELECT "countyCode", min("cityCode"), min("provinceCode"), "status", "level", "category", "source", count(*)
FROM "Hazard" GROUP BY "countyCode", "status", "level", "category", "source";
