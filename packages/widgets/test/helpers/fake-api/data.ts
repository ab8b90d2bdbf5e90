// Fixed, demo-like rows for the in-test GraphQL harness (seeded random: the same every run).
// Dates are relative to the day the harness starts, so some hazards are always overdue.

export interface Region {
  code: string;
  name: string;
  city: string;
}

export interface Shelter {
  id: string;
  code: string;
  name: string;
  status: string;
  peacetimeUse: string;
  parkingSpaces: number;
  parkingOpenedYear: number;
  region: Region;
  address: string;
  /** WGS-84 entrance point, around its city's centre. */
  latitude: number;
  longitude: number;
  wartimeCapacity: number;
}

/** Rough WGS-84 centres of the cities, for the shelters' entrance points. */
const CITY_CENTRES: Record<string, [number, number]> = {
  "360100": [28.68, 115.89],
  "360200": [29.27, 117.18],
  "360300": [27.62, 113.85],
  "360400": [29.71, 115.99],
  "360500": [27.82, 114.92],
  "360600": [28.26, 117.07],
  "360700": [25.83, 114.93],
  "360800": [27.11, 114.99],
  "360900": [27.81, 114.42],
  "361000": [27.95, 116.36],
  "361100": [28.45, 117.94],
};

export interface Hazard {
  id: string;
  code: string;
  title: string;
  category: string;
  level: string;
  source: string;
  status: string;
  discoveredOn: string;
  deadline: string;
  unit: string;
  shelter: Shelter;
}

export const PROVINCE = { code: "360000", name: "江西省" };

export const CITIES: Record<string, string> = {
  "360100": "南昌市",
  "360200": "景德镇市",
  "360300": "萍乡市",
  "360400": "九江市",
  "360500": "新余市",
  "360600": "鹰潭市",
  "360700": "赣州市",
  "360800": "吉安市",
  "360900": "宜春市",
  "361000": "抚州市",
  "361100": "上饶市",
};

const COUNTIES: [string, string][] = [
  ["360102", "东湖区"],
  ["360103", "西湖区"],
  ["360111", "青山湖区"],
  ["360113", "红谷滩区"],
  ["360202", "昌江区"],
  ["360302", "安源区"],
  ["360402", "濂溪区"],
  ["360403", "浔阳区"],
  ["360502", "渝水区"],
  ["360602", "月湖区"],
  ["360702", "章贡区"],
  ["360703", "南康区"],
  ["360802", "吉州区"],
  ["360902", "袁州区"],
  ["361002", "临川区"],
  ["361102", "信州区"],
];

export const REGIONS: Region[] = COUNTIES.map(([code, name]) => ({ code, name, city: `${code.slice(0, 4)}00` }));

const PLACES = [
  "人民广场",
  "八一大道",
  "市民中心",
  "中山路",
  "体育中心",
  "火车站",
  "万达广场",
  "滨江公园",
  "行政中心",
  "新城商业街",
];
const USES = ["PARKING", "PARKING", "PARKING", "COMMERCIAL", "STORAGE", "IDLE", "OTHER"];
const SHELTER_STATUSES = ["IN_USE", "IN_USE", "IN_USE", "IN_USE", "IDLE", "SUSPENDED", "UNDER_CONSTRUCTION"];
const TITLES: Record<string, string[]> = {
  FIRE: ["灭火器压力不足", "消防应急照明损坏", "消火栓箱内配件缺失"],
  STRUCTURE: ["顶板出现裂缝", "墙体局部剥落"],
  WATER: ["口部渗漏水", "集水井排水泵故障"],
  ELECTRICAL: ["配电箱线路老化", "私拉乱接电线"],
  VENTILATION: ["通风机组不能正常运行", "滤毒设备未定期维护"],
  EVACUATION_ROUTE: ["疏散通道堆放杂物", "安全出口指示标志不亮"],
  PROTECTIVE_EQUIPMENT: ["防护密闭门锈蚀", "密闭阀门启闭不灵活"],
  ILLEGAL_OCCUPANCY: ["擅自改变使用用途", "违规设置员工宿舍"],
  MANAGEMENT: ["安全管理制度未上墙", "未落实日常巡查记录"],
  OTHER: ["标识标牌缺失"],
};
const SOURCES = ["SELF_CHECK", "INSPECTION", "CENSUS", "PATROL", "PUBLIC_REPORT", "DRILL"];
const STATUSES = ["REPORTED", "RECTIFYING", "RECTIFYING", "PENDING_ACCEPTANCE", "CLOSED", "CLOSED", "CLOSED"];
const UNITS = ["物业管理有限公司", "城市建设投资集团", "商业管理有限公司", "停车管理有限公司", "人防工程维护管理中心"];

/** Seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return isoDay(new Date(y, m - 1, d + n));
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export interface Dataset {
  today: string;
  shelters: Shelter[];
  hazards: Hazard[];
}

/** 64 shelters and 180 hazards over 16 counties of the 11 cities. */
export function makeDataset(today = isoDay(new Date())): Dataset {
  const rnd = random(20200401);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  // Its own sequence, so that the rows drawn from rnd stay as they were before shelters had places.
  const geo = random(22);
  const shelters: Shelter[] = [];
  for (let i = 0; i < 64; i++) {
    const region = REGIONS[i % REGIONS.length];
    const use = pick(USES);
    shelters.push({
      id: `U2hlbHRlcjo${i + 1}`,
      code: `RF${region.code}-${String(i + 1).padStart(3, "0")}`,
      name: `${region.name}${PLACES[i % PLACES.length]}${use === "PARKING" ? "地下停车场" : "人防工程"}`,
      status: pick(SHELTER_STATUSES),
      peacetimeUse: use,
      parkingSpaces: use === "PARKING" ? 80 + Math.floor(rnd() * 900) : 0,
      parkingOpenedYear: 2019 + Math.floor(rnd() * 4),
      region,
      address: `${CITIES[region.city]}${region.name}${PLACES[(i * 7) % PLACES.length]}路${1 + (i % 90)}号`,
      latitude: Math.round((CITY_CENTRES[region.city][0] + (geo() - 0.5) * 0.1) * 1e6) / 1e6,
      longitude: Math.round((CITY_CENTRES[region.city][1] + (geo() - 0.5) * 0.1) * 1e6) / 1e6,
      wartimeCapacity: 200 + Math.floor(geo() * 3000),
    });
  }
  const categories = Object.keys(TITLES);
  const hazards: Hazard[] = [];
  for (let i = 0; i < 180; i++) {
    const shelter = shelters[Math.floor(rnd() * shelters.length)];
    const category = pick(categories);
    const discoveredOn = addDays(today, -5 - Math.floor(rnd() * 400));
    hazards.push({
      id: `SGF6YXJkOj${i + 1}`,
      code: `YH${discoveredOn.slice(0, 4)}-${String(i + 1).padStart(4, "0")}`,
      title: pick(TITLES[category]),
      category,
      level: rnd() < 0.15 ? "MAJOR" : "GENERAL",
      source: pick(SOURCES),
      status: pick(STATUSES),
      discoveredOn,
      deadline: addDays(discoveredOn, 15 + Math.floor(rnd() * 90)),
      unit: `${CITIES[shelter.region.city].slice(0, -1)}${pick(UNITS)}`,
      shelter,
    });
  }
  return { today, shelters, hazards };
}
