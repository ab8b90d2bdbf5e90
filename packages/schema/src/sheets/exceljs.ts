// exceljs costs ~20 MB of a server's memory once loaded, and only imports, exports and templates
// use it: it is loaded on first use, once.
import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((m) => m.default);
  return loading;
}
