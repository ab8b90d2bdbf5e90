// The exported 台账 printed as an office prints it: LibreOffice converts the XLSX to PDF, and the
// pages are what A4 landscape, one page wide, gives — every column on every page, the title and
// header rows repeated, 序号 running on across pages, "page x / y" and the export date below;
// and the PDF export (/export/hazards.pdf), paginated by the same rules.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, testApi, tokenFor } from "./helpers.ts";
import { canPrint, pdfInfo, pdfText, pdfWords, printToPdf } from "./office.ts";

const A4 = { long: 841.89, short: 595.28 };
const SHELTER = "RF-360102-PRINT";

let t: TestApi;
beforeAll(async () => {
  t = await testApi();
});
afterAll(() => t?.drop());

/** A known ledger: `n` hazards of one work, every cell short enough for one line. */
async function knownLedger(n: number) {
  const prisma = t.database.prisma;
  const shelter = await prisma.shelter.upsert({
    where: { code: SHELTER },
    update: {},
    create: {
      code: SHELTER,
      name: "印刷测试工程",
      regionCode: "360102",
      cityCode: "360100",
      provinceCode: "360000",
      address: "东湖区测试路1号",
      constructionType: "ATTACHED",
      protectionClass: "核6",
      wartimeFunction: "PERSONNEL_SHELTER",
      area: 1000,
      wartimeCapacity: 800,
      peacetimeUse: "PARKING",
      status: "IN_USE",
    },
  });
  await prisma.hazard.deleteMany({ where: { shelterId: shelter.id } });
  for (let i = 1; i <= n; i++) {
    await prisma.hazard.create({
      data: {
        code: `YH-P-${String(i).padStart(4, "0")}`,
        title: `灭火器过期${i}`,
        description: "灭火器过期",
        shelterId: shelter.id,
        countyCode: "360102",
        cityCode: "360100",
        provinceCode: "360000",
        category: "FIRE",
        level: "GENERAL",
        source: "PATROL",
        discoveredOn: new Date("2022-05-01T00:00:00Z"),
        discoveredBy: "张三",
        status: "REPORTED",
      },
    });
  }
}

async function exportXlsx(path: string) {
  const res = await t.api.fetch(`http://yoga${path}`, {
    headers: { authorization: `Bearer ${await tokenFor({ role: "PROVINCE_ADMIN" })}` },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Rows per page on A4 landscape fitted to one page wide, from the file's own row heights and the
 * scale LibreOffice printed at (measured between two data rows): the printable height, at that
 * scale, less the two repeated rows, in data rows.
 */
function rowsPerPage(sheet: ExcelJS.Worksheet, pdf: string) {
  const words = pdfWords(pdf, 1);
  const y = (code: string) => words.find((w) => w.text === code)!.yMin;
  const row = sheet.getRow(3).height;
  const scale = (y("YH-P-0002") - y("YH-P-0001")) / row;
  const margins = sheet.pageSetup.margins!;
  const printable = A4.short - (margins.top + margins.bottom) * 72;
  const repeated = sheet.getRow(1).height + sheet.getRow(2).height;
  return { scale, perPage: Math.floor((printable / scale - repeated) / row) };
}

async function load(data: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as never);
  return workbook.worksheets[0];
}

describe.skipIf(!canPrint)("the printed ledger (LibreOffice)", () => {
  it("is A4 landscape, one page wide, with the title and header rows on every page", async () => {
    // Two rows first, to learn the scale the sheet prints at; then a ledger sized so that its
    // last page is half full.
    await knownLedger(2);
    const two = await exportXlsx(`/export/hazards.xlsx?shelterCode=${SHELTER}`);
    const { scale, perPage } = rowsPerPage(await load(two), printToPdf(two, "two.xlsx"));
    const rows = Math.round(perPage * 2.5);
    await knownLedger(rows);

    const data = await exportXlsx(`/export/hazards.xlsx?shelterCode=${SHELTER}`);
    const sheet = await load(data);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe("1:2");
    expect(sheet.getRow(2).getCell(1).value).toBe("序号");
    expect(sheet.getRow(3).getCell(1).value).toBe(1);
    expect(sheet.getRow(3).getCell(2).border?.left?.style).toBe("thin");
    expect(sheet.getRow(3).getCell(3).alignment?.wrapText).toBe(true);
    expect(sheet.headerFooter.oddFooter).toBe("&L导出日期：2022-06-15&R第 &P 页 / 共 &N 页");

    const pdf = printToPdf(data, "ledger.xlsx");
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(3);
    expect(Math.round(info.width)).toBe(Math.round(A4.long));
    expect(Math.round(info.height)).toBe(Math.round(A4.short));
    // Fitted to the width: the table, centred, reaches from margin to margin.
    const words = pdfWords(pdf, 1);
    const margin = (sheet.pageSetup.margins!.left ?? 0) * 72;
    const first = words.find((w) => w.text === "序号")!;
    const last = words.find((w) => w.text === "销号日期")!;
    expect(first.xMin).toBeGreaterThan(margin);
    expect(first.xMin).toBeLessThan(margin + 6 * 7 * scale);
    expect(A4.long - last.xMax).toBeLessThan(margin + 12 * 7 * scale);
    expect(scale).toBeGreaterThan(0.3);

    const numbers: number[] = [];
    for (let page = 1; page <= info.pages; page++) {
      const text = pdfText(pdf, page);
      // Title and header rows, first and last column: the whole width on every page.
      expect(text.includes("问题隐患及整改台账"), `page ${page}: title`).toBe(true);
      expect(/序号\s+隐患编号\s+隐患名称/.test(text), `page ${page}: header row`).toBe(true);
      expect(text.includes("销号日期"), `page ${page}: last column`).toBe(true);
      const footer = text.replace(/\s+/g, "").includes(`第${page}页/共${info.pages}页`);
      expect(footer, `page ${page}: 第 ${page} 页 / 共 ${info.pages} 页`).toBe(true);
      expect(text.includes("导出日期：2022-06-15"), `page ${page}: date`).toBe(true);
      const onPage = [...text.matchAll(/^\s*(\d+)\s+YH-P-(\d{4})/gm)];
      // Full pages hold the rows the geometry gives (LibreOffice counts the footer's room a
      // little differently from Excel's margins: a few percent).
      if (page < info.pages)
        expect(Math.abs(onPage.length - perPage) / perPage, `rows on page ${page}`).toBeLessThan(0.05);
      for (const m of onPage) {
        expect(Number(m[1])).toBe(Number(m[2]));
        numbers.push(Number(m[1]));
      }
    }
    // 序号 runs 1…n across the pages, each row printed once.
    expect(numbers).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  }, 300_000);

  it("prints the whole demo ledger of a county one page wide", async () => {
    const data = await exportXlsx("/export/hazards.xlsx?regionCode=360102");
    const pdf = printToPdf(data, "county.xlsx");
    const { pages } = pdfInfo(pdf);
    const total = await t.database.prisma.hazard.count({
      where: { countyCode: "360102", NOT: { shelter: { code: SHELTER } } },
    });
    expect(total).toBeGreaterThan(100);
    const all = pdfText(pdf);
    // Every page has the last column; a sheet split in width would print pages without it.
    expect(
      all
        .split("\f")
        .filter((p) => p.trim())
        .every((p) => p.includes("销号日期")),
    ).toBe(true);
    expect(pages).toBeLessThan(total / 5);
    expect(all.replace(/\s+/g, "").includes(`第${pages}页/共${pages}页`)).toBe(true);
  }, 300_000);

  it("serves the same ledger as a PDF, paginated by the same rules, in the registry's Noto Sans SC", async () => {
    const res = await t.api.fetch("http://yoga/export/hazards.pdf?regionCode=360102&orderBy=CODE:ASC", {
      headers: { authorization: `Bearer ${await tokenFor({ role: "CITY_OFFICER", regionCode: "360100" })}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(".pdf");
    const pdf = join(mkdtempSync(join(tmpdir(), "renfang-pdf-")), "ledger.pdf");
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));
    const info = pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    // Fonts: only subsets of the packaged Noto Sans SC, embedded (no system font needed to read it).
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);

    const r = await t.gql<{ hazards: { totalCount: number; edges: { node: { code: string } }[] } }>(
      `{ hazards(filter: { regionCode: "360102" }, first: 100, orderBy: [{ field: CODE, direction: ASC }]) { totalCount edges { node { code } } } }`,
      {},
      { role: "CITY_OFFICER", regionCode: "360100" },
    );
    const { totalCount, edges } = r.data!.hazards;
    const printed: string[] = [];
    for (let page = 1; page <= info.pages; page++) {
      const text = pdfText(pdf, page);
      expect(text.includes("问题隐患及整改台账"), `page ${page}: title`).toBe(true);
      expect(/序号\s+隐患编号\s+隐患名称/.test(text), `page ${page}: header row`).toBe(true);
      expect(text.includes("销号日期"), `page ${page}: last column`).toBe(true);
      expect(text.replace(/\s+/g, "").includes(`第${page}页/共${info.pages}页`), `page ${page}: footer`).toBe(true);
      expect(text.includes("导出日期：2022-06-15"), `page ${page}: date`).toBe(true);
      for (const m of text.matchAll(/^\s*(\d+)\s+(YH-[\w-]+)/gm)) {
        expect(Number(m[1])).toBe(printed.length + 1);
        printed.push(m[2]);
      }
    }
    expect(printed.length).toBe(totalCount);
    expect(printed.slice(0, 100)).toEqual(edges.map((e) => e.node.code));
    expect(info.pages).toBeGreaterThan(1);
  }, 300_000);

  it("refuses a PDF of more rows than it lays out, before sending anything", async () => {
    const res = await t.api.fetch("http://yoga/export/hazards.pdf", {
      headers: { authorization: `Bearer ${await tokenFor({ role: "PROVINCE_ADMIN" })}` },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions).toMatchObject({ code: "VALIDATION", field: "format", rule: "max" });
  });
});
