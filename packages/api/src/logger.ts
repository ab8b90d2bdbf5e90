// Structured JSON logs (pino) on stdout.
import { pino } from "pino";

export function createLogger(level = "info") {
  return pino({ level, base: { service: "renfang-api" } });
}
