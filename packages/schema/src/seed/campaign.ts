// The Jiangxi three-year plan as data (SPEC §1 专项整治行动): its four phases with their text,
// the reporting deadlines and who owes a stage report at each, the targets, the 制度措施清单
// and the yearly safety responsibility letters (安全生产（消防安全）责任书).
import { CITY_PROFILES } from "./cities.ts";
import type { Directory, Staff } from "./orgs.ts";
import { CAMPAIGN_YEARS, cityParkingTargets, PARKING_TARGETS } from "./parking.ts";
import type { Rand } from "./rand.ts";
import { PROVINCE_CODE } from "./regions.ts";
import type { Ids, Row, Sequences } from "./sql.ts";
import { dateOfDay, dayOf, dayOfIso, hm, isoDay, localMs } from "./time.ts";

export const CAMPAIGN_CODE = "JX-RF-2020-2022";

const PHASES = [
  {
    name: "动员部署",
    from: "2020-04-01",
    to: "2020-05-31",
    description:
      "认真学习习近平总书记关于安全生产的重要批示指示精神，对标对表中央和省安委会三年专项整治要求，按照全省安全生产专项整治三年行动实施方案和第6、第9子方案的具体部署，研究制定全省人防系统安全生产三年行动计划，广泛动员部署，推动贯彻落实。",
  },
  {
    name: "排查整治",
    from: "2020-06-01",
    to: "2020-12-31",
    description:
      "各市、县、区人防办和有关直属单位对本单位管理的人防工程安全风险隐患进行全面深入细致的排查治理，建立问题隐患和制度措施“两个清单”，制定时间表路线图，明确整改责任单位和整改要求，坚持边查边改、立查立改，加快推进实施，整治工作取得初步成效。各设区市人防和省人防工程维护管理中心请于9月底、12月底前将阶段整治情况报省人防办工程处。",
  },
  {
    name: "集中攻坚",
    from: "2021-01-01",
    to: "2021-12-31",
    description:
      "加大专项整治攻坚力度，着力解决一批重点难点问题，补足体制机制、标准规范等方面存在的安全短板，落实和完善治理措施，推动建立健全人防工程安全隐患排查和安全预防控制体系。各有关单位每季度末将阶段整治情况报送至省人防办“三年行动”工作推进办。",
  },
  {
    name: "巩固提升",
    from: "2022-01-01",
    to: "2022-12-31",
    description:
      "深入分析全省人防行业安全生产共性问题和突出隐患，深挖背后的深层次矛盾和原因，梳理出在法规标准、政策措施层面需要建立健全、补充完善的具体制度，逐项推动落实，健全长效机制。",
  },
] as const;

const DESCRIPTION =
  "通过三年时间，强化源头治理、系统治理、精准治理，从根本上消除人防系统存在的事故隐患，有效防范化解重大安全风险，建立和完善安全联合协同工作机制，全面提升人防工程信息化管理能力。2020年至2022年全省力争新增人防工程车位不少于10万个，其中2020年3万个、2021年3万个、2022年4万个。";

const MEASURES: readonly { title: string; owner: "province" | "division" | 0 | 1 | 2 | 3; due: string }[] = [
  { title: "成立全省人防系统安全生产专项整治三年行动工作推进组", owner: "province", due: "2020-05-15" },
  { title: "制定全省人防系统安全生产专项整治三年行动计划", owner: "province", due: "2020-05-31" },
  { title: "建立人防工程安全生产沟通联络和协调工作机制", owner: "division", due: "2020-06-30" },
  { title: "建立人防工程问题隐患和制度措施“两个清单”", owner: "division", due: "2020-08-31" },
  { title: "建立人防工程隐患排查治理和整改销号制度", owner: "division", due: "2020-10-31" },
  { title: "建立全省人防工程数据库平台", owner: 3, due: "2020-12-31" },
  { title: "完成早期人防工程安全情况摸排", owner: 0, due: "2020-12-31" },
  { title: "建立省本级人防工程安全生产管理制度", owner: 0, due: "2020-09-30" },
  { title: "完成0719工程安全隐患排查整治", owner: 1, due: "2021-06-30" },
  { title: "落实《人民防空工程质量验收与评价标准》质量监督检查制度", owner: 2, due: "2021-03-31" },
  { title: "完成全省人防工程普查和数据采集", owner: "division", due: "2021-12-31" },
  { title: "建立人防工程安全联合协同工作机制", owner: "province", due: "2021-09-30" },
  { title: "修订人防工程平时使用管理办法", owner: "division", due: "2022-06-30" },
  { title: "健全人防工程安全生产长效机制", owner: "province", due: "2022-12-31" },
];

const CITY_MEASURES = [
  { title: "落实应急值班和领导带班制度", due: "2020-07-31" },
  { title: "建立人防工程日常巡查制度", due: "2020-09-30" },
  { title: "制定人防工程突发事件应急疏散预案", due: "2021-05-31" },
] as const;

export interface CampaignRows {
  campaign: Row[];
  phases: Row[];
  deadlines: Row[];
  stageReports: Row[];
  targets: Row[];
  measures: Row[];
  letters: Row[];
}

export function buildCampaign(rand: Rand, dir: Directory, ids: Ids, seq: Sequences, todayDay: number): CampaignRows {
  const campaignId = ids.take("Campaign");
  const createdAt = new Date(localMs(dayOf(2020, 4, 1), hm(9)));
  const campaign = [
    {
      id: campaignId,
      code: CAMPAIGN_CODE,
      name: "江西省人防办安全生产专项整治三年行动",
      description: DESCRIPTION,
      regionCode: PROVINCE_CODE,
      startsOn: dateOfDay(dayOf(2020, 4, 1)),
      endsOn: dateOfDay(dayOf(2022, 12, 31)),
      createdAt,
    },
  ];
  const phases = PHASES.map((p, i) => ({
    id: ids.take("CampaignPhase"),
    campaignId,
    ordinal: i + 1,
    name: p.name,
    description: p.description,
    startsOn: dateOfDay(dayOfIso(p.from)),
    endsOn: dateOfDay(dayOfIso(p.to)),
  }));

  // 2020: the city offices and the maintenance centre report to 工程处 by end of September and
  // December; 2021: the city offices and the direct units report every quarter end to the 推进办.
  const cityOffices = [...dir.cityOffices.values()];
  const schedule: { title: string; due: string; recipient: string; owing: Staff[] }[] = [
    {
      title: "2020年9月底阶段整治情况报告",
      due: "2020-09-30",
      recipient: "省人防办工程处",
      owing: [...cityOffices, dir.maintenance],
    },
    {
      title: "2020年12月底阶段整治情况报告",
      due: "2020-12-31",
      recipient: "省人防办工程处",
      owing: [...cityOffices, dir.maintenance],
    },
    ...[
      ["一", "2021-03-31"],
      ["二", "2021-06-30"],
      ["三", "2021-09-30"],
      ["四", "2021-12-31"],
    ].map(([q, due]) => ({
      title: `2021年第${q}季度阶段整治情况报告`,
      due,
      recipient: "省人防办“三年行动”工作推进办",
      owing: [...cityOffices, ...dir.directUnits],
    })),
  ];
  const deadlines: Row[] = [];
  const stageReports: Row[] = [];
  for (const s of schedule) {
    const deadlineId = ids.take("ReportingDeadline");
    const due = dayOfIso(s.due);
    deadlines.push({ id: deadlineId, campaignId, title: s.title, dueOn: dateOfDay(due), recipient: s.recipient });
    for (const owner of s.owing) {
      const outcome = rand.weighted([
        ["onTime", 80],
        ["late", 12],
        ["missing", 8],
      ] as const);
      const day = outcome === "onTime" ? due - rand.int(0, 10) : due + rand.int(1, 20);
      const submitted = outcome !== "missing" && day < todayDay;
      stageReports.push({
        id: ids.take("StageReport"),
        deadlineId,
        organizationId: owner.org.id,
        cityCode: owner.org.cityCode,
        provinceCode: PROVINCE_CODE,
        submittedAt: submitted ? new Date(localMs(day, rand.int(hm(9), hm(17, 50)))) : null,
        submittedBy: submitted ? rand.pick(owner.officers).code : null,
        summary: submitted
          ? `${owner.org.name}${s.title}：已完成辖区人防工程隐患排查，建立问题隐患和制度措施“两个清单”，整改工作按时间表有序推进。`
          : null,
        attachmentUrl: submitted ? `/files/stage-reports/${isoDay(due)}/${owner.org.code}.pdf` : null,
      });
    }
  }

  const targets: Row[] = [];
  const target = (metric: string, regionCode: string, year: number, value: number) =>
    targets.push({ id: ids.take("Target"), campaignId, metric, regionCode, year, value, updatedAt: createdAt });
  for (const year of CAMPAIGN_YEARS) {
    target("NEW_PARKING_SPACES", PROVINCE_CODE, year, PARKING_TARGETS[year]);
    const split = cityParkingTargets(year);
    for (const p of CITY_PROFILES) target("NEW_PARKING_SPACES", p.code, year, split.get(p.code)!);
  }
  target("EARLY_WORK_SURVEY_COVERAGE", PROVINCE_CODE, 2020, 1);
  target("CENSUS_COVERAGE", PROVINCE_CODE, 2021, 1);
  for (const year of CAMPAIGN_YEARS) target("HAZARD_CLOSURE_RATE", PROVINCE_CODE, year, 0.9);

  const measures: Row[] = [];
  const measure = (title: string, owner: Staff, due: number) => {
    // Most measures were done around their due date; a few are late or still in progress.
    const fate =
      due >= todayDay
        ? "planned"
        : rand.weighted([
            ["done", 82],
            ["late", 10],
            ["open", 8],
          ] as const);
    const completed = fate === "done" ? due - rand.int(0, 20) : fate === "late" ? due + rand.int(5, 90) : null;
    const done = completed !== null && completed < todayDay;
    measures.push({
      id: ids.take("Measure"),
      code: seq.next(`CS-${owner.org.regionCode}`),
      title,
      description: `${owner.org.name}负责：${title}`,
      ownerId: owner.org.id,
      regionCode: owner.org.regionCode,
      cityCode: owner.org.cityCode,
      provinceCode: PROVINCE_CODE,
      campaignId,
      dueOn: dateOfDay(due),
      status: done ? "DONE" : fate === "planned" ? "PLANNED" : "IN_PROGRESS",
      completedOn: done ? dateOfDay(completed) : null,
      version: 1,
      createdAt,
    });
  };
  for (const m of MEASURES) {
    const owner =
      m.owner === "province" ? dir.province : m.owner === "division" ? dir.division : dir.directUnits[m.owner];
    measure(m.title, owner, dayOfIso(m.due));
  }
  for (const office of cityOffices) {
    for (const m of CITY_MEASURES)
      measure(
        `${office.org.name.replace("人民防空办公室", "")}${m.title}`,
        office,
        dayOfIso(m.due) + rand.int(-10, 20),
      );
  }
  // 巩固提升 goes on after the plan: a few measures of the long-term mechanism are still ahead.
  measure("建立人防工程安全风险分级管控长效机制", dir.division, todayDay + rand.int(30, 120));
  measure("完善人防工程信息化监管平台功能", dir.directUnits[3], todayDay + rand.int(60, 180));

  // Letters: the province with each city office and direct unit, each city office with its counties.
  const letters: Row[] = [];
  const letter = (signer: Staff, issuer: Staff, year: number) => {
    const day = year === 2020 ? dayOf(2020, 4, 10) + rand.int(0, 20) : dayOf(year, 2, 15) + rand.int(0, 35);
    if (day >= todayDay) return;
    letters.push({
      id: ids.take("ResponsibilityLetter"),
      organizationId: signer.org.id,
      issuerId: issuer.org.id,
      year,
      signedOn: dateOfDay(day),
      signatory: signer.leaders[0].name,
      documentUrl: `/files/letters/${year}/${signer.org.code}.pdf`,
    });
  };
  for (const year of CAMPAIGN_YEARS) {
    for (const s of [...cityOffices, ...dir.directUnits]) letter(s, dir.province, year);
    for (const [code, county] of dir.countyOffices) letter(county, dir.cityOffices.get(`${code.slice(0, 4)}00`)!, year);
  }

  return { campaign, phases, deadlines, stageReports, targets, measures, letters };
}
