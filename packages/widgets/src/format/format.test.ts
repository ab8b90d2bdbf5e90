import { describe, expect, it } from "vitest";
import { daysBetween, formatDate, isoDay, parseDay } from "./date.js";
import { clampRatio, formatCount, formatInteger, formatPercent } from "./number.js";

describe("number formats", () => {
  it("counts in 万 and 亿 for Chinese, K and M for English", () => {
    expect(formatCount(9876, "zh-CN")).toBe("9,876");
    expect(formatCount(30000, "zh-CN")).toBe("3万");
    expect(formatCount(123456, "zh-CN")).toBe("12.35万");
    expect(formatCount(250000000, "zh-CN")).toBe("2.5亿");
    expect(formatCount(123456, "en")).toBe("123.46K");
    expect(formatCount(null, "en")).toBe("—");
  });

  it("integers and percentages", () => {
    expect(formatInteger(100000, "zh-CN")).toBe("100,000");
    expect(formatPercent(0.8532, "zh-CN")).toBe("85.3%");
    expect(formatPercent(1.12, "en")).toBe("112%");
    expect(clampRatio(1.3)).toBe(1);
    expect(clampRatio(Number.NaN)).toBe(0);
  });
});

describe("date formats", () => {
  it("days and ISO dates", () => {
    expect(formatDate("2021-03-31T16:00:00Z")).toBe("2021-03-31");
    expect(isoDay(parseDay("2021-03-20")!)).toBe("2021-03-20");
    expect(parseDay("bad")).toBe(null);
    expect(daysBetween(parseDay("2021-03-20")!, parseDay("2021-03-31")!)).toBe(11);
  });
});
