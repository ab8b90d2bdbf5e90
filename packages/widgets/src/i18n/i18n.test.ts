import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { contractSdlPath } from "../../test/helpers/contract.js";
import { en } from "./en.js";
import { enumLabel, format, messages, normalizeLang } from "./index.js";
import { zhCN } from "./zh-CN.js";

/** Every key path of a table, e.g. `ledger.next`. */
function paths(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe("translation tables", () => {
  it("zh-CN and en have the same keys", () => {
    expect(paths(en).sort()).toEqual(paths(zhCN).sort());
  });

  it("label every value of every enum the widgets show, in both languages", () => {
    const schema = buildSchema(readFileSync(contractSdlPath, "utf8"));
    const types: Record<string, string> = { ReportTimeliness: "Timeliness" };
    for (const name of [
      "HazardStatus",
      "HazardLevel",
      "HazardCategory",
      "HazardSource",
      "ShelterStatus",
      "PeacetimeUse",
      "TargetMetric",
      "ShiftKind",
      "ReportTimeliness",
    ]) {
      const values = (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
      for (const t of [zhCN, en]) {
        expect(Object.keys(t.enums[types[name] ?? name]), name).toEqual(expect.arrayContaining(values));
      }
    }
  });

  it("use the campaign's Chinese terms", () => {
    expect(zhCN.enums.HazardStatus).toEqual({
      REPORTED: "已登记",
      RECTIFYING: "整改中",
      PENDING_ACCEPTANCE: "待验收",
      CLOSED: "已销号",
    });
    expect(zhCN.enums.HazardLevel).toEqual({ GENERAL: "一般", MAJOR: "重大" });
    expect(zhCN.enums.HazardCategory.WATER).toBe("渗漏水/防汛");
    expect(zhCN.enums.HazardSource.PUBLIC_REPORT).toBe("举报");
    expect(zhCN.enums.ShelterStatus.SUSPENDED).toBe("停业整顿");
    expect(zhCN.enums.PeacetimeUse.PARKING).toBe("地下停车场");
    expect(zhCN.enums.TargetMetric.NEW_PARKING_SPACES).toBe("新增人防工程车位");
    expect(zhCN.enums.ShiftKind).toEqual({ DAY: "白班", NIGHT: "夜班", FULL_DAY: "全天" });
    expect(zhCN.enums.Timeliness).toMatchObject({ ON_TIME: "按时", LATE: "迟报", MISSING: "漏报" });
  });

  it("the English table has no Chinese", () => {
    expect(JSON.stringify(en)).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("normalises languages, fills placeholders and never throws on unknown enum values", () => {
    expect(normalizeLang("en-GB")).toBe("en");
    expect(normalizeLang("")).toBe("zh-CN");
    expect(normalizeLang("fr")).toBe("zh-CN");
    expect(format(messages("zh-CN").ledger.pageStatus, { page: 2, pages: 9, total: 170 })).toBe(
      "第 2 / 9 页，共 170 条",
    );
    expect(enumLabel(en, "HazardStatus", "NEW_STATE")).toBe("NEW_STATE");
    expect(enumLabel(en, "Nope", "X")).toBe("X");
  });
});
