import { describe, expect, it } from "vitest";
import { toCsv } from "./download.js";
import { enumList, filterParams, parseSort } from "./filters.js";
import { exportUrl, type LedgerExportRequest } from "./ledger-export.js";

describe("ledger helpers", () => {
  it("reads comma-list attributes, dropping unknown values", () => {
    expect(enumList("reported, RECTIFYING,bogus", ["REPORTED", "RECTIFYING"], "status")).toEqual([
      "REPORTED",
      "RECTIFYING",
    ]);
    expect(enumList("", ["A"], "status")).toBeUndefined();
    expect(enumList("nope", ["A"], "status")).toBeUndefined();
  });

  it("parses sort orders", () => {
    expect(parseSort("deadline:desc", ["DEADLINE"])).toEqual({ field: "DEADLINE", direction: "DESC" });
    expect(parseSort("CODE", ["CODE"])).toEqual({ field: "CODE", direction: "ASC" });
    expect(parseSort("PRICE:ASC", ["CODE"])).toBe(null);
    expect(parseSort("", ["CODE"])).toBe(null);
  });

  it("builds the export URL on the endpoint's origin with the filter as parameters", () => {
    const req: LedgerExportRequest = {
      format: "xlsx",
      endpoint: "https://rf.example.gov.cn/graphql",
      token: "",
      path: "/export/hazards.xlsx",
      filter: { regionCode: "360100", status: ["REPORTED", "RECTIFYING"], overdue: true, search: undefined },
      orderBy: [{ field: "DEADLINE", direction: "ASC" }],
      lang: "zh-CN",
      columns: ["code", "title"],
      fileName: "x",
      header: [],
      rows: [],
    };
    expect(exportUrl(req)).toBe(
      "https://rf.example.gov.cn/export/hazards.xlsx?regionCode=360100&status=REPORTED%2CRECTIFYING&overdue=true&orderBy=DEADLINE%3AASC&lang=zh-CN&columns=code%2Ctitle",
    );
    expect(filterParams({ a: "", b: null, c: 0 }, new URLSearchParams()).toString()).toBe("c=0");
  });

  it("writes CSV with a BOM, CRLF and quoting", () => {
    expect(toCsv(["编号", "描述"], [["YH-1", 'a "b", c']])).toBe('\ufeff编号,描述\r\nYH-1,"a ""b"", c"\r\n');
  });
});
