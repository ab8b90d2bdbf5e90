// The Chinese font of our PDFs and charts: Noto Sans SC (思源黑体, OFL-1.1, free to embed), as the
// npm package @embedpdf/fonts-sc ships it — installed with the rest from the registry, so a
// server on a 政务内网 without system CJK fonts still prints Chinese. Files are read on first use
// (two weights, ~17 MB) and kept; the PDF embeds only the glyphs it uses (pdfkit subsets).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type Weight = "regular" | "bold";

const files: Record<Weight, string> = { regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" };
const loaded = new Map<Weight, Promise<Buffer>>();

/** The package's fonts folder (its exports map names no files, so from its entry point). */
function fontsDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "..", "fonts");
}

export function cjkFont(weight: Weight): Promise<Buffer> {
  let font = loaded.get(weight);
  if (!font) {
    font = readFile(join(fontsDir(), files[weight]));
    loaded.set(weight, font);
  }
  return font;
}
