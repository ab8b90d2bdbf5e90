-- CreateTable
CREATE TABLE "HazardTally" (
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "status" "HazardStatus" NOT NULL,
    "level" "HazardLevel" NOT NULL,
    "category" "HazardCategory" NOT NULL,
    "source" "HazardSource" NOT NULL,
    "discoveredYear" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "HazardTally_pkey" PRIMARY KEY ("countyCode","status","level","category","source","discoveredYear")
);

-- CreateIndex
CREATE INDEX "HazardTally_cityCode_idx" ON "HazardTally"("cityCode");

-- CreateIndex
CREATE INDEX "HazardTally_provinceCode_idx" ON "HazardTally"("provinceCode");


-- Written by hand (Prisma does not model triggers): the tally follows every insert, delete and
-- change of a counted column of Hazard, in the writing transaction itself.
CREATE FUNCTION "hazard_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO "HazardTally" VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", EXTRACT(YEAR FROM NEW."discoveredOn")::INTEGER, 0)
    ON CONFLICT DO NOTHING;
    -- Both rows locked in key order, so that two opposite steps (submit and reject) taken at
    -- once in the same county wait for each other instead of deadlocking.
    PERFORM 1 FROM "HazardTally"
    WHERE ("countyCode", "status", "level", "category", "source", "discoveredYear") IN (
      (OLD."countyCode", OLD."status", OLD."level", OLD."category", OLD."source", EXTRACT(YEAR FROM OLD."discoveredOn")::INTEGER),
      (NEW."countyCode", NEW."status", NEW."level", NEW."category", NEW."source", EXTRACT(YEAR FROM NEW."discoveredOn")::INTEGER))
    ORDER BY "countyCode", "status", "level", "category", "source", "discoveredYear" FOR UPDATE;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "HazardTally" SET "count" = "count" - 1
    WHERE ("countyCode", "status", "level", "category", "source", "discoveredYear")
      = (OLD."countyCode", OLD."status", OLD."level", OLD."category", OLD."source", EXTRACT(YEAR FROM OLD."discoveredOn")::INTEGER);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "HazardTally" VALUES (NEW."countyCode", NEW."cityCode", NEW."provinceCode", NEW."status", NEW."level", NEW."category", NEW."source", EXTRACT(YEAR FROM NEW."discoveredOn")::INTEGER, 1)
    ON CONFLICT ("countyCode", "status", "level", "category", "source", "discoveredYear") DO UPDATE SET "count" = "HazardTally"."count" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Hazard_tally_insert_delete" AFTER INSERT OR DELETE ON "Hazard"
FOR EACH ROW EXECUTE FUNCTION "hazard_tally"();

CREATE TRIGGER "Hazard_tally_update"
AFTER UPDATE OF "countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredOn" ON "Hazard"
FOR EACH ROW WHEN ((OLD."countyCode", OLD."status", OLD."level", OLD."category", OLD."source", OLD."discoveredOn")
  IS DISTINCT FROM (NEW."countyCode", NEW."status", NEW."level", NEW."category", NEW."source", NEW."discoveredOn"))
EXECUTE FUNCTION "hazard_tally"();

-- The hazards already there (the triggers above hold Hazard against writes until this commits).
INSERT INTO "HazardTally" ("countyCode", "cityCode", "provinceCode", "status", "level", "category", "source", "discoveredYear", "count")
SELECT "countyCode", min("cityCode"), min("provinceCode"), "status", "level", "category", "source", EXTRACT(YEAR FROM "Hazard"."discoveredOn")::INTEGER, count(*)
FROM "Hazard" GROUP BY "countyCode", "status", "level", "category", "source", EXTRACT(YEAR FROM "Hazard"."discoveredOn")::INTEGER;
