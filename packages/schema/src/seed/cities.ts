// What the seed needs to know about each of Jiangxi's 11 cities beyond its name and code:
// its weight (share of the province's works and of the parking targets — Nanchang largest),
// a rough centre and radius for coordinates, its telephone area code and local number length.

export interface CityProfile {
  code: string;
  /** "南昌" — used in company names. */
  short: string;
  weight: number;
  lat: number;
  lon: number;
  /** Rough radius of the prefecture, degrees. */
  radius: number;
  areaCode: string;
  phoneDigits: number;
}

export const CITY_PROFILES: readonly CityProfile[] = [
  {
    code: "360100",
    short: "南昌",
    weight: 0.22,
    lat: 28.68,
    lon: 115.86,
    radius: 0.35,
    areaCode: "0791",
    phoneDigits: 8,
  },
  {
    code: "360200",
    short: "景德镇",
    weight: 0.05,
    lat: 29.27,
    lon: 117.18,
    radius: 0.3,
    areaCode: "0798",
    phoneDigits: 7,
  },
  {
    code: "360300",
    short: "萍乡",
    weight: 0.05,
    lat: 27.62,
    lon: 113.85,
    radius: 0.22,
    areaCode: "0799",
    phoneDigits: 7,
  },
  {
    code: "360400",
    short: "九江",
    weight: 0.1,
    lat: 29.71,
    lon: 116.0,
    radius: 0.55,
    areaCode: "0792",
    phoneDigits: 7,
  },
  {
    code: "360500",
    short: "新余",
    weight: 0.045,
    lat: 27.82,
    lon: 114.92,
    radius: 0.2,
    areaCode: "0790",
    phoneDigits: 7,
  },
  {
    code: "360600",
    short: "鹰潭",
    weight: 0.045,
    lat: 28.26,
    lon: 117.07,
    radius: 0.22,
    areaCode: "0701",
    phoneDigits: 7,
  },
  {
    code: "360700",
    short: "赣州",
    weight: 0.15,
    lat: 25.83,
    lon: 114.93,
    radius: 0.8,
    areaCode: "0797",
    phoneDigits: 7,
  },
  {
    code: "360800",
    short: "吉安",
    weight: 0.08,
    lat: 27.11,
    lon: 114.99,
    radius: 0.65,
    areaCode: "0796",
    phoneDigits: 7,
  },
  {
    code: "360900",
    short: "宜春",
    weight: 0.09,
    lat: 27.81,
    lon: 114.42,
    radius: 0.55,
    areaCode: "0795",
    phoneDigits: 7,
  },
  {
    code: "361000",
    short: "抚州",
    weight: 0.07,
    lat: 27.95,
    lon: 116.36,
    radius: 0.55,
    areaCode: "0794",
    phoneDigits: 7,
  },
  {
    code: "361100",
    short: "上饶",
    weight: 0.1,
    lat: 28.45,
    lon: 117.94,
    radius: 0.65,
    areaCode: "0793",
    phoneDigits: 7,
  },
];

export function cityProfile(code: string): CityProfile {
  const p = CITY_PROFILES.find((c) => c.code === code);
  if (!p) throw new Error(`no city profile for ${code}`);
  return p;
}

/** Jiangxi's bounding box: every generated coordinate is clamped inside it. */
export const JIANGXI_BOUNDS = { minLat: 24.55, maxLat: 30.05, minLon: 113.6, maxLon: 118.45 };

/**
 * Nanchang metro stations that have civil air defense works, with their line and district
 * (the campaign's 地铁站安全疏散及应急救援能力评估).
 */
export const METRO_STATIONS: readonly { station: string; line: number; countyCode: string }[] = [
  { station: "八一馆", line: 1, countyCode: "360102" },
  { station: "八一广场", line: 1, countyCode: "360102" },
  { station: "滕王阁", line: 1, countyCode: "360102" },
  { station: "彭家桥", line: 1, countyCode: "360102" },
  { station: "阳明公园", line: 2, countyCode: "360102" },
  { station: "地铁大厦", line: 1, countyCode: "360113" },
  { station: "秋水广场", line: 1, countyCode: "360113" },
  { station: "卫东", line: 1, countyCode: "360113" },
  { station: "万寿宫", line: 1, countyCode: "360103" },
  { station: "南昌火车站", line: 2, countyCode: "360103" },
  { station: "绳金塔", line: 3, countyCode: "360103" },
  { station: "谢家村", line: 1, countyCode: "360111" },
  { station: "青山湖大道", line: 1, countyCode: "360111" },
  { station: "高新大道", line: 1, countyCode: "360111" },
];
