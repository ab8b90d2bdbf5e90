-- Written by hand, SQLite only: hazardStats sums HazardTally's counts grouped by county (or city)
-- and status, targetProgress a year's counts by county and status. SQLite walked the primary
-- key's index and looked up each of the ~42,000 rows (scale 100) for its count: 21 ms and 10 ms.
-- With the columns they read in the index it reads the index alone: 7 ms and 4 ms. PostgreSQL
-- sums the compact table in one sequential scan instead (13 ms), and an index holding the count
-- there would stop its updates from being HOT (in-page), the thing that keeps this often-updated
-- table small.
CREATE INDEX "HazardTally_countyCode_status_discoveredYear_provinceCode_count_idx" ON "HazardTally"("countyCode", "status", "discoveredYear", "provinceCode", "count");
CREATE INDEX "HazardTally_cityCode_status_count_idx" ON "HazardTally"("cityCode", "status", "count");
