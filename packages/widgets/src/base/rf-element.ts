import type { AnyVariables } from "@urql/core";
import { html, LitElement, type PropertyDeclarations, type TemplateResult } from "lit";
import type { DataHost, QueryController } from "../data/query-controller.js";
import type {} from "../events/rf-error.js";
import type {} from "../events/rf-load.js";
import { type Lang, type Messages, messages, normalizeLang } from "../i18n/index.js";
import { sharedStyles } from "../styles/shared.styles.js";

type Detail<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** A bubbling, composed, cancelable `CustomEvent` (events cross the shadow root to the page). */
export function rfEvent<T>(name: string, detail: T): CustomEvent<T> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true });
}

/**
 * What every `rf-*` widget has: its data source (`endpoint`, `token`), its scope (`region`),
 * `lang`, `live`, the shared theme, and the loading / empty / error renders.
 */
export class RfElement extends LitElement implements DataHost {
  static override styles = [sharedStyles];

  static override properties: PropertyDeclarations = {
    endpoint: {},
    token: {},
    lang: {},
    region: {},
    live: { type: Boolean },
  };

  /** URL of the Renfang GraphQL endpoint, absolute or relative to the page. */
  endpoint = "/graphql";

  /** Bearer token (a widget token of the deployment); empty for anonymous public access. */
  token = "";

  /** Language of every label: `zh-CN` (default) or `en`. */
  override lang = "zh-CN";

  /** Region code (GB/T 2260, e.g. `360100` for Nanchang); the region and everything below it. */
  region = "360000";

  /** Keep the data current: re-query when the API reports changes (SSE) or periodically. */
  live = false;

  /** The normalised language. */
  protected get locale(): Lang {
    return normalizeLang(this.lang);
  }

  /** The translation table of the current language. */
  protected get t(): Messages {
    return messages(this.locale);
  }

  /** Dispatches a typed, bubbling, composed `rf-*` event; false when a listener cancelled it. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(name: K, detail: Detail<K>): boolean {
    return this.dispatchEvent(rfEvent(name, detail));
  }

  /**
   * The loading, error and empty states of a query, or `content` once there is data.
   * Earlier data stays on screen while a new query is pending (`aria-busy` marks it).
   */
  protected renderData<D>(
    query: QueryController<D, AnyVariables>,
    isEmpty: (data: D) => boolean,
    content: (data: D) => unknown,
  ): TemplateResult | unknown {
    const t = this.t.state;
    if (query.status === "error") {
      return html`<div part="state error" class="error" role="alert">
        ${t.error}<span class="detail">${query.error?.message ?? ""}</span>
        <button part="retry" @click=${() => query.refetch()}>${t.retry}</button>
      </div>`;
    }
    if (query.data === undefined) {
      return html`<div part="state loading" class="loading" role="status">${t.loading}</div>`;
    }
    if (isEmpty(query.data)) {
      return html`<div part="state empty" role="status">${t.empty}</div>`;
    }
    return content(query.data);
  }
}
