// `pnpm build`: dist/renfang-widgets.js (the one-file bundle the API serves at
// /widgets/renfang-widgets.js). The ESM modules and types come from `tsc -p tsconfig.build.json`.
import { buildBundle, bundlePath } from "./bundle.ts";

const { bytes, gzip } = await buildBundle({ outfile: bundlePath });
console.log(`${bundlePath}: ${(bytes / 1024).toFixed(1)} KB minified, ${(gzip / 1024).toFixed(1)} KB gzip`);
