-- Written by hand (Prisma does not model virtual tables or triggers): an R*Tree of the works'
-- entrance points (WGS-84) for nearestShelters, so that "works near here" reads a few R*Tree
-- nodes instead of scanning the registry. SQLite's R*Tree module is compiled into better-sqlite3.
-- It holds 32-bit floats, rounded outward (a box ~1 m larger): the finder measures the distance
-- from the exact columns of "Shelter". Triggers keep it in step in the writing transaction.
CREATE VIRTUAL TABLE "ShelterLocation" USING rtree("id", "minLat", "maxLat", "minLng", "maxLng");

CREATE TRIGGER "Shelter_location_insert" AFTER INSERT ON "Shelter"
WHEN NEW."latitude" IS NOT NULL AND NEW."longitude" IS NOT NULL
BEGIN
  INSERT INTO "ShelterLocation" VALUES (NEW."id", NEW."latitude", NEW."latitude", NEW."longitude", NEW."longitude");
END;

CREATE TRIGGER "Shelter_location_update" AFTER UPDATE OF "id", "latitude", "longitude" ON "Shelter"
BEGIN
  DELETE FROM "ShelterLocation" WHERE "id" = OLD."id";
  INSERT INTO "ShelterLocation"
  SELECT NEW."id", NEW."latitude", NEW."latitude", NEW."longitude", NEW."longitude"
  WHERE NEW."latitude" IS NOT NULL AND NEW."longitude" IS NOT NULL;
END;

CREATE TRIGGER "Shelter_location_delete" AFTER DELETE ON "Shelter"
BEGIN
  DELETE FROM "ShelterLocation" WHERE "id" = OLD."id";
END;

-- The works already there.
INSERT INTO "ShelterLocation"
SELECT "id", "latitude", "latitude", "longitude", "longitude" FROM "Shelter"
WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
