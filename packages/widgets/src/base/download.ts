/** One CSV field, quoted when needed. */
function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a UTF-8 BOM, so Excel opens Chinese text correctly. */
export function toCsv(header: string[], rows: string[][]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

/** Saves a blob as a file (an `<a download>` click; no inline script, CSP-safe). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
