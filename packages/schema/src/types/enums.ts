// The GraphQL enums of the domain, from the Prisma enums, each value described in English with
// the campaign's Chinese term (the widgets and exports translate them for people).
import { builder } from "../builder.ts";
import * as E from "../generated/sqlite/enums.js";

/** The campaign's own term for each value of each enum, by enum name (see termOf). */
const terms = new Map<string, Record<string, string>>();

/** The Chinese term in a description's brackets: "Fire safety (消防)." → 消防. */
function termOf(description: string): string | undefined {
  return /\(([^()]*\p{Script=Han}[^()]*)\)/u.exec(description)?.[1];
}

/** The Chinese terms of an enum's values, e.g. enumTerms("HazardLevel").MAJOR = 重大隐患. */
export function enumTerms(name: string): Record<string, string> {
  return terms.get(name) ?? {};
}

function enumOf<T extends Record<string, string>>(
  name: string,
  description: string,
  values: T,
  labels: Record<keyof T, string>,
) {
  terms.set(
    name,
    Object.fromEntries(Object.keys(values).flatMap((k) => [[k, termOf(labels[k])]].filter(([, term]) => term))),
  );
  const described = Object.fromEntries(
    Object.keys(values).map((k) => [k, { value: values[k], description: labels[k] }]),
  );
  return builder.enumType<string, { [K in keyof T]: { value: T[K]; description: string } }>(name, {
    description,
    values: described as { [K in keyof T]: { value: T[K]; description: string } },
  });
}

export const RegionLevel = enumOf("RegionLevel", "Level of an administrative region (行政区划级别).", E.RegionLevel, {
  PROVINCE: "Province (省).",
  CITY: "City with districts (设区市).",
  COUNTY: "County-level division (县/市/区).",
});

export const OrganizationKind = enumOf("OrganizationKind", "What an organization is (单位类型).", E.OrganizationKind, {
  CIVIL_AIR_DEFENSE_OFFICE: "Civil air defense office of a region (人防办).",
  PROVINCIAL_DIVISION: "Division of the provincial office, e.g. 工程处.",
  DIRECT_UNIT: "Directly affiliated unit, e.g. 维护管理中心 (直属单位).",
  BUILDER: "Builder of works (建设单位).",
  MANAGER: "Manager of works (管理单位).",
  OPERATOR: "User / operator of works (使用单位).",
  DEPARTMENT: "Another government department, e.g. 交通运输, 住房建设, 应急管理 (有关部门).",
});

export const ConstructionType = enumOf("ConstructionType", "How a work was built (建设类型).", E.ConstructionType, {
  STANDALONE: "Standalone work (单建).",
  ATTACHED: "Attached to a building (结建).",
});

export const WartimeFunction = enumOf("WartimeFunction", "Wartime function of a work (战时功能).", E.WartimeFunction, {
  PERSONNEL_SHELTER: "Personnel shelter (人员掩蔽).",
  MEDICAL_AID: "Medical aid (医疗救护).",
  PROFESSIONAL_TEAM: "Professional team (专业队).",
  SUPPORT: "Support works (配套工程).",
  MATERIAL_STORAGE: "Material storage (物资库).",
  COMMAND: "Command post (指挥工程).",
});

export const PeacetimeUse = enumOf("PeacetimeUse", "Peacetime use of a work (平时用途).", E.PeacetimeUse, {
  PARKING: "Underground car park (地下停车场).",
  COMMERCIAL: "Commercial (商业).",
  STORAGE: "Storage (仓储).",
  IDLE: "Idle (闲置).",
  OTHER: "Other (其他).",
});

export const ShelterStatus = enumOf("ShelterStatus", "Operating status of a work (工程状态).", E.ShelterStatus, {
  IN_USE: "In use (使用中).",
  IDLE: "Idle (闲置).",
  SUSPENDED: "Ordered to suspend peacetime operation (责令停业整顿).",
  UNDER_CONSTRUCTION: "Under construction (在建).",
  DECOMMISSIONED: "Decommissioned (已报废).",
});

export const CensusStatus = enumOf("CensusStatus", "Census state of a work (普查状态).", E.CensusStatus, {
  NOT_SURVEYED: "Not yet surveyed (未普查).",
  SURVEYED: "Surveyed (已普查).",
  VERIFIED: "Surveyed and verified (已核实).",
});

export const HazardCategory = enumOf("HazardCategory", "Kind of safety problem (隐患类别).", E.HazardCategory, {
  FIRE: "Fire safety (消防).",
  STRUCTURE: "Structure (结构).",
  WATER: "Water leakage / flood (渗漏水/防汛).",
  ELECTRICAL: "Electrical (电气).",
  VENTILATION: "Ventilation (通风).",
  EVACUATION_ROUTE: "Evacuation route (疏散通道).",
  PROTECTIVE_EQUIPMENT: "Protective equipment (防护设备).",
  ILLEGAL_OCCUPANCY: "Illegal occupancy or use (违规使用).",
  MANAGEMENT: "Management rules (管理制度).",
  OTHER: "Other (其他).",
});

export const HazardLevel = enumOf("HazardLevel", "Severity of a hazard (隐患等级).", E.HazardLevel, {
  GENERAL: "General hazard (一般隐患).",
  MAJOR: "Major hazard (重大隐患): needs funds and a contingency plan; may suspend the work.",
});

export const HazardSource = enumOf("HazardSource", "How a hazard was found (隐患来源).", E.HazardSource, {
  SELF_CHECK: "Self-check by the unit (自查).",
  INSPECTION: "Inspection by an office (检查).",
  CENSUS: "Census (普查).",
  PATROL: "Patrol checklist item failed (巡查).",
  PUBLIC_REPORT: "Report from the public (举报).",
  DRILL: "Finding of a drill or assessment (演练/评估).",
});

export const HazardStatus = enumOf("HazardStatus", "Where a hazard is in the closed loop (整改状态).", E.HazardStatus, {
  REPORTED: "Registered, rectification not yet assigned (已登记).",
  RECTIFYING: "Being rectified with the five-in-place fields set (整改中).",
  PENDING_ACCEPTANCE: "Rectification submitted, awaiting acceptance (待验收).",
  CLOSED: "Accepted and closed (已销号). A closed hazard cannot change.",
});

export const Role = enumOf("Role", "What a token may do (角色).", E.Role, {
  PROVINCE_ADMIN: "Provincial administrator: reads and writes everything (省级管理员).",
  CITY_OFFICER: "City office staff: its city and below (市级人防办).",
  COUNTY_OFFICER: "County office staff: its county (县级人防办).",
  UNIT_USER: "A builder/manager/user unit: its own works and their hazards (使用单位).",
  ANALYST: "Analyst: reads everything, writes nothing (分析人员).",
  PUBLIC: "Public widget or anonymous reader: aggregates and ledgers without personal data (公众).",
});

export const HazardAction = enumOf("HazardAction", "A step of a hazard's history (整改记录动作).", E.HazardAction, {
  REPORT: "Registered (登记).",
  ASSIGN: "Rectification assigned with the five-in-place fields (落实整改).",
  SUBMIT: "Rectification submitted for acceptance (提交验收).",
  ACCEPT: "Accepted and closed (验收销号).",
  REJECT: "Acceptance refused, back to rectification (验收不通过).",
  ESCALATE: "Escalated to the office above for supervision (督办).",
});

export const SuspensionStatus = enumOf(
  "SuspensionStatus",
  "State of a suspension order (停业整顿状态).",
  E.SuspensionStatus,
  {
    ACTIVE: "In force (整顿中).",
    LIFTED: "Lifted, the work reopened (已恢复).",
  },
);

export const MeasureStatus = enumOf(
  "MeasureStatus",
  "Progress of an institutional measure (制度措施状态).",
  E.MeasureStatus,
  {
    PLANNED: "Planned (计划中).",
    IN_PROGRESS: "In progress (推进中).",
    DONE: "Done (已完成).",
  },
);

export const TargetMetric = enumOf("TargetMetric", "What a target measures (目标指标).", E.TargetMetric, {
  NEW_PARKING_SPACES: "New parking spaces in civil air defense works opened in the year (新增人防工程车位).",
  CENSUS_COVERAGE: "Share of works surveyed or verified by the census, 0..1 (普查覆盖率).",
  EARLY_WORK_SURVEY_COVERAGE: "Share of early works surveyed, 0..1 (早期人防工程摸排覆盖率).",
  HAZARD_CLOSURE_RATE: "Share of hazards found in the year that are closed, 0..1 (隐患整改销号率).",
});

export const DrillKind = enumOf("DrillKind", "Drill or assessment (演练/评估).", E.DrillKind, {
  DRILL: "Exercise (综合演练).",
  ASSESSMENT: "Capability assessment, e.g. of a metro station (能力评估).",
});

export const ShiftKind = enumOf("ShiftKind", "Kind of duty shift (班次).", E.ShiftKind, {
  DAY: "Day shift (白班).",
  NIGHT: "Night shift (夜班).",
  FULL_DAY: "24-hour shift (全天).",
});

export const ChecklistItem = enumOf("ChecklistItem", "A patrol checklist item (巡查项目).", E.ChecklistItem, {
  FIRE_EQUIPMENT: "Fire equipment complete and working (消防设施齐全完好).",
  EVACUATION_ROUTE: "Evacuation routes clear (疏散通道畅通).",
  VENTILATION: "Ventilation working (通风正常).",
  WATER: "No leakage or flooding (无渗漏水).",
  SIGNAGE: "Signage in place (标识标牌齐全).",
  NO_ILLEGAL_OCCUPANCY: "No illegal occupancy or use (无违规占用).",
  ELECTRICAL: "Electrical installation safe (电气安全).",
  PROTECTIVE_EQUIPMENT: "Protective doors and equipment intact (防护设备完好).",
});

export const IncidentSeverity = enumOf(
  "IncidentSeverity",
  "Severity of a reported incident (事件等级).",
  E.IncidentSeverity,
  {
    MINOR: "Minor (一般).",
    SERIOUS: "Serious (较大).",
    MAJOR: "Major (重大).",
    CRITICAL: "Critical (特别重大).",
  },
);
