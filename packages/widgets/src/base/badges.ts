import { html } from "lit";
import { enumLabel, type Messages } from "../i18n/index.js";

/** Badge colour of each enum value that has one (classes of the shared styles). */
const tone: Record<string, string> = {
  RECTIFYING: "b-warn",
  PENDING_ACCEPTANCE: "b-info",
  CLOSED: "b-ok",
  MAJOR: "b-solid-bad",
  IN_USE: "b-ok",
  SUSPENDED: "b-bad",
  UNDER_CONSTRUCTION: "b-info",
  ON_TIME: "b-ok",
  LATE: "b-warn",
  MISSING: "b-bad",
};

/** A status / level badge: `part="badge <value>"`, label from the translation table. */
export function badge(t: Messages, type: string, value: string | null | undefined) {
  if (!value) return "—";
  return html`<span part="badge ${value.toLowerCase()}" class=${tone[value] ?? ""}>${enumLabel(t, type, value)}</span>`;
}
