// How much an uploaded workbook may hold, checked before it is parsed (issue 15): an XLSX file is
// a zip archive, and 5 MB of it can unpack to 120 MB of sheet XML that takes exceljs seconds and a
// gigabyte. The archive's directory gives each part's unpacked size without unpacking anything;
// the sheets are then streamed once to count their cells, stopping at the limit. yauzl checks
// every part against the size its directory claims, so a lying directory fails too.
import yauzl from "yauzl";
import { ValidationError } from "../errors.ts";

export const importLimits = {
  /** Unpacked bytes of all parts of an XLSX workbook. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Cells of all sheets (about 12,000 works of the census template's 25 columns). */
  cells: 300_000,
} as const;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tooLarge(message: string): ValidationError {
  return ValidationError.of("file", "size", `size: ${message}; split the census into several files`);
}

/** Counts cell elements (`<c r="A1" …>`, `<c/>`) in a sheet's XML, across chunk boundaries. */
function cellCounter() {
  let tail = "";
  return (chunk: string): number => {
    const text = tail + chunk;
    // Two characters carried over can hold a cut `<c` but never a whole match (three characters).
    tail = text.slice(-2);
    return text.match(/<(?:\w+:)?c[\s/>]/g)?.length ?? 0;
  };
}

const unreadable = (e: Error) =>
  e instanceof ValidationError
    ? e
    : ValidationError.of("file", "format", `format: not a readable .xlsx workbook (${e.message})`);

/** Throws the typed ValidationError when an XLSX workbook passes `importLimits`; reads nothing else. */
export function checkWorkbookBounds(data: Uint8Array, limits = importLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(unreadable(err ?? new Error("no archive")));
        return;
      }
      const fail = (error: Error) => {
        zip.close();
        reject(error);
      };
      const sheets: yauzl.Entry[] = [];
      let unpacked = 0;
      zip.on("error", (e: Error) => fail(unreadable(e)));
      zip.on("entry", (entry: yauzl.Entry) => {
        unpacked += entry.uncompressedSize;
        if (unpacked > limits.unpackedBytes) {
          fail(tooLarge(`the workbook unpacks to more than ${mb(limits.unpackedBytes)}`));
          return;
        }
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)) sheets.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => countCells(zip, sheets, limits.cells).then(resolve, (e: Error) => fail(unreadable(e))));
      zip.readEntry();
    });
  });
}

async function countCells(zip: yauzl.ZipFile, sheets: yauzl.Entry[], max: number): Promise<void> {
  let cells = 0;
  for (const entry of sheets) {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
    );
    const count = cellCounter();
    stream.setEncoding("utf8");
    for await (const chunk of stream as AsyncIterable<string>) {
      cells += count(chunk);
      if (cells > max) {
        (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
        throw tooLarge(`the workbook has more than ${max.toLocaleString("en")} cells`);
      }
    }
  }
  zip.close();
}

/** The same cell limit for a CSV file: fields are counted by their separators, before parsing. */
export function checkCsvBounds(text: string, limits = importLimits): void {
  let cells = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10) cells++; // "," and "\n"
  }
  if (cells > limits.cells) throw tooLarge(`the file has more than ${limits.cells.toLocaleString("en")} cells`);
}
