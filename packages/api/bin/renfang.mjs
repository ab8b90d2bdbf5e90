#!/usr/bin/env node
// Runs the TypeScript CLI in this very process through tsx's loader (no build step, and no child
// process in between): SIGTERM and Ctrl-C reach `renfang serve` itself, which drains and exits 0.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
main();
