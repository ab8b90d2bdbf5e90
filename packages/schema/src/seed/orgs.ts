// The organizations of the demo (SPEC §1 单位) and their people: the provincial office, its 工程处
// and four directly affiliated units, one office per city and per county, three Nanchang
// departments, the metro company, and a few hundred builders, managers and operators of works.
import { CITY_PROFILES, type CityProfile } from "./cities.ts";
import { type CompanyKind, companyName, personName } from "./names.ts";
import type { Rand } from "./rand.ts";
import { PROVINCE_CODE, type RegionRow } from "./regions.ts";
import type { Ids } from "./sql.ts";

export type OrgKind =
  | "CIVIL_AIR_DEFENSE_OFFICE"
  | "PROVINCIAL_DIVISION"
  | "DIRECT_UNIT"
  | "BUILDER"
  | "MANAGER"
  | "OPERATOR"
  | "DEPARTMENT";

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  regionCode: string;
  cityCode: string | null;
  provinceCode: string;
  parentId: number | null;
  phone: string | null;
}

export interface PersonRow {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  title: string | null;
  isLeader: boolean;
  organizationId: number;
}

/** An organization with its people split the way the seed uses them. */
export interface Staff {
  org: OrgRow;
  leaders: PersonRow[];
  officers: PersonRow[];
}

export interface Companies {
  builders: Staff[];
  managers: Staff[];
  operators: Staff[];
}

export interface Directory {
  orgs: OrgRow[];
  people: PersonRow[];
  province: Staff;
  division: Staff;
  /** 省人防工程维护管理中心 — manages the province's own works, owes the 2020 stage reports. */
  maintenance: Staff;
  /** All four directly affiliated units, maintenance centre first. */
  directUnits: Staff[];
  cityOffices: Map<string, Staff>;
  countyOffices: Map<string, Staff>;
  departments: Staff[];
  metro: Staff;
  companies: Map<string, Companies>;
}

const DIRECT_UNITS = [
  { key: "WHZX", name: "江西省人防工程维护管理中心" },
  { key: "0719GC", name: "江西省人防0719工程管理中心" },
  { key: "ZJZ", name: "江西省人防工程质量定额标准监督站" },
  { key: "0719XX", name: "江西省人防0719信息保障中心" },
];

/** Leaders' and officers' titles per kind of office. */
const ROLES = {
  province: {
    leaders: ["主任", "副主任", "副主任", "副主任"],
    officers: [
      "一级调研员",
      "四级调研员",
      "一级主任科员",
      "一级主任科员",
      "二级主任科员",
      "四级主任科员",
      "科员",
      "科员",
    ],
  },
  division: { leaders: ["处长", "副处长"], officers: ["一级主任科员", "四级主任科员", "科员", "科员"] },
  direct: { leaders: ["主任", "副主任"], officers: ["高级工程师", "工程师", "助理工程师"] },
  city: {
    leaders: ["主任", "副主任", "副主任"],
    officers: ["工程科科长", "工程科副科长", "指挥通信科科长", "科员", "科员", "科员"],
  },
  county: { leaders: ["主任", "副主任"], officers: ["工程股股长", "工作人员", "工作人员"] },
  department: { leaders: ["副局长"], officers: ["安全监管科科长", "科员"] },
  company: { leaders: ["总经理"], officers: ["安全负责人"] },
} satisfies Record<string, { leaders: string[]; officers: string[] }>;

export function buildDirectory(rand: Rand, ids: Ids, regions: readonly RegionRow[]): Directory {
  const orgs: OrgRow[] = [];
  const people: PersonRow[] = [];
  const nameOf = new Map(regions.map((r) => [r.code, r.name]));
  // Office numbers: area code, then a local number that starts with 2–8 (never 0 or 1).
  const phone = (p: CityProfile) => `${p.areaCode}-${rand.int(2, 8)}${rand.digits(p.phoneDigits - 1)}`;
  const nanchang = CITY_PROFILES[0];

  const make = (org: Omit<OrgRow, "id" | "provinceCode">, roles: { leaders: string[]; officers: string[] }): Staff => {
    const row: OrgRow = { id: ids.take("Organization"), ...org, provinceCode: PROVINCE_CODE };
    orgs.push(row);
    const person = (title: string, isLeader: boolean): PersonRow => {
      const id = ids.take("Person");
      const p: PersonRow = {
        id,
        code: `P-${String(id).padStart(6, "0")}`,
        name: personName(rand),
        phone: rand.mobile(),
        title,
        isLeader,
        organizationId: row.id,
      };
      people.push(p);
      return p;
    };
    return {
      org: row,
      leaders: roles.leaders.map((t) => person(t, true)),
      officers: roles.officers.map((t) => person(t, false)),
    };
  };

  const province = make(
    {
      code: "ORG-360000-RFB",
      name: "江西省人民防空办公室",
      kind: "CIVIL_AIR_DEFENSE_OFFICE",
      regionCode: PROVINCE_CODE,
      cityCode: null,
      parentId: null,
      phone: phone(nanchang),
    },
    ROLES.province,
  );
  const division = make(
    {
      code: "ORG-360000-GCC",
      name: "江西省人民防空办公室工程处",
      kind: "PROVINCIAL_DIVISION",
      regionCode: PROVINCE_CODE,
      cityCode: null,
      parentId: province.org.id,
      phone: phone(nanchang),
    },
    ROLES.division,
  );
  const directUnits = DIRECT_UNITS.map((u) =>
    make(
      {
        code: `ORG-360000-${u.key}`,
        name: u.name,
        kind: "DIRECT_UNIT",
        regionCode: PROVINCE_CODE,
        cityCode: null,
        parentId: province.org.id,
        phone: phone(nanchang),
      },
      ROLES.direct,
    ),
  );

  const cityOffices = new Map<string, Staff>();
  const countyOffices = new Map<string, Staff>();
  for (const city of regions.filter((r) => r.level === "CITY")) {
    const profile = CITY_PROFILES.find((p) => p.code === city.code);
    if (!profile) throw new Error(`no city profile for ${city.code} ${city.name}`);
    const office = make(
      {
        code: `ORG-${city.code}-RFB`,
        name: `${city.name}人民防空办公室`,
        kind: "CIVIL_AIR_DEFENSE_OFFICE",
        regionCode: city.code,
        cityCode: city.code,
        parentId: province.org.id,
        phone: phone(profile),
      },
      ROLES.city,
    );
    cityOffices.set(city.code, office);
    for (const county of regions.filter((r) => r.parentCode === city.code)) {
      countyOffices.set(
        county.code,
        make(
          {
            code: `ORG-${county.code}-RFB`,
            name: `${city.name}${county.name}人防办`,
            kind: "CIVIL_AIR_DEFENSE_OFFICE",
            regionCode: county.code,
            cityCode: city.code,
            parentId: office.org.id,
            phone: phone(profile),
          },
          ROLES.county,
        ),
      );
    }
  }

  // The departments the Nanchang office works with on the metro-station assessments.
  const departments = [
    ["JTJ", "南昌市交通运输局"],
    ["ZJJ", "南昌市住房和城乡建设局"],
    ["YJJ", "南昌市应急管理局"],
  ].map(([key, name]) =>
    make(
      {
        code: `ORG-360100-${key}`,
        name,
        kind: "DEPARTMENT",
        regionCode: "360100",
        cityCode: "360100",
        parentId: null,
        phone: phone(nanchang),
      },
      ROLES.department,
    ),
  );
  const metro = make(
    {
      code: "ORG-360100-GDJT",
      name: "南昌轨道交通集团有限公司",
      kind: "BUILDER",
      regionCode: "360100",
      cityCode: "360100",
      parentId: cityOffices.get("360100")!.org.id,
      phone: phone(nanchang),
    },
    ROLES.company,
  );

  const companies = new Map<string, Companies>();
  for (const profile of CITY_PROFILES) {
    const cityName = nameOf.get(profile.code)!;
    const parentId = cityOffices.get(profile.code)!.org.id;
    const used = new Set<string>();
    const group = (kind: CompanyKind, letter: string, count: number): Staff[] =>
      Array.from({ length: count }, (_, i) => {
        let name = companyName(rand, kind, cityName, profile.short);
        while (used.has(name)) name = companyName(rand, kind, cityName, profile.short);
        used.add(name);
        const code = `ORG-${profile.code}-${letter}${String(i + 1).padStart(3, "0")}`;
        return make(
          { code, name, kind, regionCode: profile.code, cityCode: profile.code, parentId, phone: phone(profile) },
          ROLES.company,
        );
      });
    companies.set(profile.code, {
      builders: group("BUILDER", "B", Math.round(10 + 60 * profile.weight)),
      managers: group("MANAGER", "M", Math.round(6 + 40 * profile.weight)),
      operators: group("OPERATOR", "O", Math.round(4 + 30 * profile.weight)),
    });
  }

  return {
    orgs,
    people,
    province,
    division,
    maintenance: directUnits[0],
    directUnits,
    cityOffices,
    countyOffices,
    departments,
    metro,
    companies,
  };
}
