-- Written by hand (Prisma does not model expression indexes or extensions): the spatial indexes
-- nearestShelters reads, on the works' entrance points (WGS-84).
--
-- Always: a GiST index on PostgreSQL's own point type, (longitude, latitude), for a bounding-box
-- search (`point(...) <@ box(...)`) — it needs no extension, so the finder works on any server.
CREATE INDEX "Shelter_location_point_idx" ON "Shelter" USING gist (point("longitude", "latitude"));

-- With PostGIS (Debian: postgresql-15-postgis-3): a GiST index on the geography, searched with
-- ST_DWithin on the sphere. The extension is created when the server has it and this role may
-- create it; otherwise the migration goes on without it and the finder uses the index above.
-- Installed PostGIS later? Run as a superuser, in this database:
--   CREATE EXTENSION postgis;
--   CREATE INDEX "Shelter_location_geography_idx" ON "Shelter" USING gist
--     ((ST_SetSRID(ST_MakePoint("longitude", "latitude"), 4326)::geography));
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS postgis;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'PostGIS is installed but could not be created here (%): the finder uses its fallback index', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
    EXECUTE 'CREATE INDEX "Shelter_location_geography_idx" ON "Shelter" USING gist '
      '((ST_SetSRID(ST_MakePoint("longitude", "latitude"), 4326)::geography))';
  END IF;
END $$;
