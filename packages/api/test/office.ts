// Printing a document the way an office does: LibreOffice (headless) converts an XLSX or DOCX to
// PDF, poppler reads the pages back (pdfinfo, pdftotext). CI installs both (.ci/run); on a
// machine without them the printing tests are skipped, except under CI, where they must run.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** LibreOffice and poppler are here, or CI says they must be. */
export const canPrint = Boolean(process.env.CI) || (has("soffice") && has("pdftotext") && has("pdfinfo"));

/** Converts `data` (a file named `name`) to PDF with LibreOffice; returns the PDF's path. */
export function printToPdf(data: Uint8Array, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "renfang-print-"));
  const file = join(dir, name);
  writeFileSync(file, data);
  // A profile of its own: concurrent LibreOffice runs (other test files) must not share one.
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file],
    { stdio: "pipe", timeout: 180_000 },
  );
  return join(dir, `${basename(name, extname(name))}.pdf`);
}

/** Page count and the first page's size in points. */
export function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Number(size[1]), height: Number(size[2]) };
}

/** The text of one page (1-based), in reading layout. */
export function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page with their boxes in points (pdftotext -bbox). */
export function pdfWords(pdf: string, page: number): PdfWord[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ text: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }));
}
