// How far V8 lets the heap grow before its next full collection. By default it grows the old
// generation to up to ~4× what survived the last one; a loaded API keeps ~50 MB alive, so its RSS
// sat at 260–380 MB, mostly garbage waiting to be collected. Growing by half each time held it at
// ~220–240 MB with the same time in garbage collection per request (docs/performance.md). The flag
// is read at every collection, so setting it once the process runs takes effect.
import v8 from "node:v8";

const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
