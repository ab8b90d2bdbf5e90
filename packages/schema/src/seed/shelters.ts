// The works (人防工程) of one county: name, address, coordinates, construction and protection,
// peacetime use (most are car parks, from the parking plan), who builds, manages and uses them
// (谁建设、谁管理、谁使用、谁负责), early works, metro stations and census status.
import { type CityProfile, JIANGXI_BOUNDS } from "./cities.ts";
import { address, earlyWorkName, type NameStyle, placeName } from "./names.ts";
import type { Directory, Staff } from "./orgs.ts";
import type { Slot } from "./parking.ts";
import { hash32, type Rand } from "./rand.ts";
import type { RegionRow } from "./regions.ts";
import type { Ids, Sequences } from "./sql.ts";
import { dateOfDay, dayOf, hm, localMs, yearOfDay } from "./time.ts";

export interface ShelterRow {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  cityCode: string;
  provinceCode: string;
  address: string;
  latitude: number;
  longitude: number;
  constructionType: "STANDALONE" | "ATTACHED";
  protectionClass: string;
  wartimeFunction: string;
  area: number;
  wartimeCapacity: number;
  peacetimeUse: "PARKING" | "COMMERCIAL" | "STORAGE" | "IDLE" | "OTHER";
  parkingSpaces: number;
  parkingOpenedOn: Date | null;
  parkingOpenedYear: number | null;
  completionYear: number | null;
  isEarlyWork: boolean;
  status: "IN_USE" | "IDLE" | "SUSPENDED" | "UNDER_CONSTRUCTION" | "DECOMMISSIONED";
  disasterShelter: boolean;
  disasterCapacity: number | null;
  metroStation: string | null;
  censusStatus: "NOT_SURVEYED" | "SURVEYED" | "VERIFIED";
  builderId: number | null;
  managerId: number | null;
  userId: number | null;
  openHazardCount: number;
  lastPatrolledAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A generated work with what the hazard and patrol generators need to know about it. */
export interface ShelterGen {
  row: ShelterRow;
  /** In use or idle: a work where hazards are found and patrols go. */
  active: boolean;
  /** Mean number of hazards over the campaign. */
  hazardMean: number;
  manager: Staff;
  user: Staff | null;
  /** First day a hazard can be found there (campaign start or completion). */
  sinceDay: number;
}

export interface CountyInput {
  rand: Rand;
  county: RegionRow;
  city: RegionRow;
  profile: CityProfile;
  count: number;
  /** Parking opening per index in the county, if any. */
  slots: (Slot | undefined)[];
  /** Metro stations whose works are the county's first works. */
  metro: readonly { station: string; line: number }[];
  towns: readonly string[];
  dir: Directory;
  ids: Ids;
  seq: Sequences;
  todayDay: number;
}

const HAZARDS_PER_WORK = 3.4;
const CAMPAIGN_CHECKS_START = dayOf(2020, 6, 1);

/** The county's centre: urban districts sit near the city centre, counties around it. */
function anchor(county: RegionRow, p: CityProfile): { lat: number; lon: number; spread: number } {
  const h = hash32(county.code);
  const angle = ((h % 3600) / 3600) * 2 * Math.PI;
  const urban = county.name.endsWith("区");
  const distance = urban ? 0.02 + ((h >>> 12) % 60) / 1000 : p.radius * (0.35 + ((h >>> 12) % 650) / 1000);
  return {
    lat: p.lat + distance * Math.sin(angle),
    lon: p.lon + distance * Math.cos(angle),
    spread: urban ? 0.035 : 0.025,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function generateShelters(input: CountyInput): ShelterGen[] {
  const { rand, county, city, profile, dir, todayDay } = input;
  const todayYear = yearOfDay(todayDay);
  const centre = anchor(county, profile);
  const countyOffice = dir.countyOffices.get(county.code)!;
  const companies = dir.companies.get(city.code)!;
  const provincialWorks = city.code === "360100" && county.name.endsWith("区");
  const out: ShelterGen[] = [];

  for (let i = 0; i < input.count; i++) {
    const slot = input.slots[i];
    const metro = input.metro[i];
    let completionYear: number | null;
    if (slot) {
      const openYear = yearOfDay(slot.day);
      completionYear = rand.chance(0.04)
        ? rand.int(1970, 1989)
        : openYear -
          rand.weighted([
            [0, 35],
            [1, 30],
            [2, 15],
            [rand.int(3, 8), 20],
          ] as const);
    } else if (metro) {
      completionYear = Math.min(todayYear, 2015 + (metro.line - 1) * 3 + rand.int(0, 1));
    } else {
      completionYear = rand.weighted([
        [rand.int(1965, 1989), 12],
        [rand.int(1990, 2009), 25],
        [rand.int(2010, 2019), 45],
        [rand.int(2020, todayYear), 18],
      ] as const);
    }
    const early = completionYear < 1990;
    const underConstruction = !slot && !metro && !early && completionYear >= todayYear - 1 && rand.chance(0.35);
    if (underConstruction) completionYear = null;

    let status: ShelterRow["status"] = "IN_USE";
    let use: ShelterRow["peacetimeUse"];
    if (slot) use = "PARKING";
    else if (metro) use = "OTHER";
    else if (underConstruction) {
      use = "IDLE";
      status = "UNDER_CONSTRUCTION";
    } else if (early) {
      use = rand.weighted([
        ["STORAGE", 30],
        ["COMMERCIAL", 15],
        ["IDLE", 55],
      ] as const);
      if (use === "IDLE") status = rand.chance(0.3) ? "DECOMMISSIONED" : "IDLE";
    } else {
      use = rand.weighted([
        ["COMMERCIAL", 35],
        ["STORAGE", 25],
        ["IDLE", 28],
        ["OTHER", 12],
      ] as const);
      if (use === "IDLE") status = "IDLE";
    }

    const wartimeFunction = metro
      ? "PERSONNEL_SHELTER"
      : rand.weighted([
          ["PERSONNEL_SHELTER", 70],
          ["SUPPORT", 10],
          ["MATERIAL_STORAGE", 8],
          ["MEDICAL_AID", 5],
          ["PROFESSIONAL_TEAM", 5],
          ["COMMAND", 2],
        ] as const);
    const style: NameStyle =
      wartimeFunction === "MEDICAL_AID"
        ? "medical"
        : use === "COMMERCIAL"
          ? "commercial"
          : rand.weighted([
              ["residential", 70],
              ["commercial", 18],
              ["public", 12],
            ] as const);
    const name = metro
      ? `南昌地铁${metro.line}号线${metro.station}站人防工程`
      : early
        ? earlyWorkName(rand)
        : placeName(rand, style, county.name) +
          (use === "PARKING"
            ? rand.pick(["地下停车场", "地下人防工程", "人防地下停车库"])
            : rand.pick(["地下人防工程", "人防地下室", "人防工程"]));

    const area = slot
      ? round(slot.spaces * rand.between(30, 38), 1)
      : metro
        ? round(rand.between(6000, 15000), 1)
        : early
          ? round(rand.between(300, 2500), 1)
          : round(rand.between(800, use === "COMMERCIAL" ? 15000 : 8000), 1);
    const capacity = Math.round(area * (wartimeFunction === "PERSONNEL_SHELTER" ? rand.between(0.7, 0.85) : 0.15));
    const disaster = status === "IN_USE" && !early && rand.chance(0.25);

    // 2020 surveys the early works, 2021 censuses everything built by then (SPEC §2.6).
    const census: ShelterRow["censusStatus"] = early
      ? rand.chance(0.7)
        ? "VERIFIED"
        : "SURVEYED"
      : completionYear !== null && completionYear <= 2021
        ? rand.weighted([
            ["VERIFIED", 62],
            ["SURVEYED", 35],
            ["NOT_SURVEYED", 3],
          ] as const)
        : rand.weighted([
            ["SURVEYED", 40],
            ["NOT_SURVEYED", 60],
          ] as const);

    const builder = metro ? dir.metro : early ? countyOffice : rand.pick(companies.builders);
    const manager = early
      ? provincialWorks && rand.chance(0.3)
        ? dir.maintenance
        : countyOffice
      : metro
        ? dir.metro
        : rand.pick(companies.managers);
    const user =
      use === "PARKING"
        ? rand.chance(0.7)
          ? rand.pick(companies.operators)
          : manager
        : use === "COMMERCIAL"
          ? rand.pick(companies.operators)
          : metro
            ? dir.metro
            : use === "STORAGE"
              ? manager
              : null;

    const lat = clamp(centre.lat + rand.between(-1, 1) * centre.spread, JIANGXI_BOUNDS.minLat, JIANGXI_BOUNDS.maxLat);
    const lon = clamp(centre.lon + rand.between(-1, 1) * centre.spread, JIANGXI_BOUNDS.minLon, JIANGXI_BOUNDS.maxLon);

    // The registry was built during the 2020–2021 survey; later works are entered on completion.
    const knownFrom = Math.max(dayOf(2020, 6, 1), completionYear ? dayOf(completionYear, 1, 1) : todayDay - 200);
    const createdDay = Math.min(
      todayDay - 1,
      knownFrom + rand.int(0, completionYear && completionYear > 2021 ? 60 : 540),
    );
    const createdAt = new Date(localMs(createdDay, rand.int(hm(8, 30), hm(17, 30))));

    const row: ShelterRow = {
      id: input.ids.take("Shelter"),
      code: input.seq.next(`RF-${county.code}`),
      name,
      regionCode: county.code,
      cityCode: city.code,
      provinceCode: city.provinceCode,
      address: metro
        ? `${city.name}${county.name}地铁${metro.line}号线${metro.station}站`
        : address(rand, city.name, county.name, input.towns),
      latitude: round(lat, 6),
      longitude: round(lon, 6),
      constructionType: early || metro || rand.chance(0.18) ? "STANDALONE" : "ATTACHED",
      protectionClass: early
        ? rand.pick(["常6", "核6"])
        : rand.weighted([
            ["核5", 10],
            ["核6", 45],
            ["核6B", 30],
            ["常5", 5],
            ["常6", 10],
          ] as const),
      wartimeFunction,
      area,
      wartimeCapacity: capacity,
      peacetimeUse: use,
      parkingSpaces: slot ? slot.spaces : 0,
      parkingOpenedOn: slot ? dateOfDay(slot.day) : null,
      parkingOpenedYear: slot ? yearOfDay(slot.day) : null,
      completionYear,
      isEarlyWork: early,
      status,
      disasterShelter: disaster,
      disasterCapacity: disaster ? Math.round(area / 2) : null,
      metroStation: metro ? `${metro.station}站` : null,
      censusStatus: census,
      builderId: builder.org.id,
      managerId: manager.org.id,
      userId: user ? user.org.id : null,
      openHazardCount: 0,
      lastPatrolledAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    const active = status === "IN_USE" || status === "IDLE";
    out.push({
      row,
      active,
      hazardMean: active ? HAZARDS_PER_WORK * (early ? 1.6 : use === "IDLE" ? 0.7 : 1) : 0,
      manager,
      user,
      sinceDay: Math.max(CAMPAIGN_CHECKS_START, completionYear ? dayOf(completionYear, 1, 1) : todayDay),
    });
  }
  return out;
}
