// Builds the self-contained browser bundle `renfang-widgets.js` (Lit, urql and both languages
// inside) with esbuild. Used by `pnpm build`, the size check, the browser tests and the API.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const bundlePath = join(packageDir, "dist", "renfang-widgets.js");

/** Collapses the whitespace of Lit `css\`…\`` templates in `*.styles.ts` (esbuild leaves template text alone). */
const minifyCss: Plugin = {
  name: "minify-lit-css",
  setup(b) {
    b.onLoad({ filter: /\.styles\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source.replace(/css`([^`]*)`/g, (_, body: string) => {
        const min = body
          .replace(/\s+/g, " ")
          .replace(/\s*([{};,>])\s*/g, "$1")
          .replace(/:\s+/g, ":")
          .replace(/;}/g, "}")
          .trim();
        return `css\`${min}\``;
      });
      return { contents, loader: "ts" };
    });
  },
};

export interface BundleOptions {
  /** Entry modules (default: `src/index.ts`, all seven widgets). */
  entries?: string[];
  /** Where to write it; nothing is written when omitted. */
  outfile?: string;
}

/** Bundles and minifies; returns the code and its minified and gzip -9 sizes in bytes. */
export async function buildBundle(options: BundleOptions = {}): Promise<{ code: string; bytes: number; gzip: number }> {
  const entries = options.entries ?? [join(packageDir, "src", "index.ts")];
  const result = await build({
    stdin: {
      contents: entries.map((e) => `export * from ${JSON.stringify(e)};`).join("\n"),
      resolveDir: packageDir,
      loader: "ts",
      sourcefile: "renfang-widgets.ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    legalComments: "none",
    charset: "utf8",
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: join(packageDir, "tsconfig.json"),
    plugins: [minifyCss],
    write: false,
    outfile: options.outfile ?? join(packageDir, "dist", "out.js"),
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  if (options.outfile) {
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(dirname(options.outfile), { recursive: true });
    await writeFile(options.outfile, code);
  }
  return { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
