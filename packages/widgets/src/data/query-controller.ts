import {
  type AnyVariables,
  type CombinedError,
  type DocumentInput,
  type OperationResult,
  createRequest,
  type RequestPolicy,
  stringifyVariables,
} from "@urql/core";
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { onEnd, pipe, subscribe } from "wonka";
import { getClient, resolveEndpoint } from "./client.js";

/** What a widget gives its data controller. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  endpoint: string;
  token: string;
  live: boolean;
}

/** `idle` before the first query; `pending` while one is in flight (earlier data stays readable). */
export type QueryStatus = "idle" | "pending" | "complete" | "error";

/** Keeps the data fresh while `live` is set: re-query on each subscription event, or poll. */
export type LiveOption =
  | {
      /** A subscription document (GraphQL over SSE); each event triggers a debounced re-query. */
      subscription: DocumentInput<any, any>;
      /** Its variables. */
      variables: () => AnyVariables;
      /** Called with each event's data (e.g. to highlight a changed row). */
      onEvent?: (data: any) => void;
    }
  | {
      /** Re-query every this many seconds. */
      pollSeconds: number;
    };

export interface QueryControllerOptions<Data, Vars extends AnyVariables> {
  /** The GraphQL document, from the widget's `<name>.queries.ts` (a function when it depends on the host). */
  query: DocumentInput<Data, Vars> | (() => DocumentInput<Data, Vars>);
  /** Variables computed from the host's properties; `null` while the query cannot run yet. */
  variables: () => Vars | null;
  /** What `live` does for this widget. @default undefined — `live` has no effect */
  live?: LiveOption;
}

/** Delay before reconnecting a dropped live stream. @default 5000 ms */
const RECONNECT_MS = 5000;
/** Events arriving within this window cause one re-query. */
const DEBOUNCE_MS = 250;

/**
 * The one way widgets get data: runs the query through the shared urql client whenever the
 * variables (or endpoint/token) change, aborting the superseded request, tracks
 * pending / complete / error, and keeps the data live over SSE (or polling) when `live` is set.
 * Fires `rf-load` and `rf-error` on the host.
 */
export class QueryController<Data, Vars extends AnyVariables = AnyVariables> implements ReactiveController {
  status: QueryStatus = "idle";
  data: Data | undefined;
  error: CombinedError | undefined;

  private key = "";
  private vars: Vars | null = null;
  private doc?: DocumentInput<Data, Vars>;
  private stop?: () => void;
  private liveKey = "";
  private liveStop?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: DataHost,
    private readonly options: QueryControllerOptions<Data, Vars>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const vars = this.options.variables();
    if (vars) {
      const { query } = this.options;
      const doc = typeof query === "function" ? query() : query;
      const key = `${this.endpoint}\n${this.host.token}\n${createRequest(doc, vars).key}`;
      if (key !== this.key) {
        this.key = key;
        this.vars = vars;
        this.doc = doc;
        this.run("cache-first");
      }
    }
    this.syncLive();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stopLive();
    this.key = "";
  }

  /** Re-runs the current query against the network (the retry button, live events). */
  refetch(): void {
    if (this.vars) this.run("network-only");
  }

  private get endpoint(): string {
    return resolveEndpoint(this.host.endpoint);
  }

  private get client() {
    return getClient(this.endpoint, this.host.token);
  }

  private run(requestPolicy: RequestPolicy): void {
    this.stop?.(); // unsubscribing tears the operation down and aborts its fetch
    this.status = "pending";
    this.host.requestUpdate();
    const { unsubscribe } = pipe(
      this.client.query(this.doc!, this.vars as Vars, { requestPolicy }),
      subscribe((result: OperationResult<Data, Vars>) => this.receive(result)),
    );
    this.stop = unsubscribe;
  }

  private receive(result: OperationResult<Data, Vars>): void {
    if (result.error && !result.data) {
      this.status = "error";
      this.error = result.error;
      this.host.dispatchEvent(
        new CustomEvent("rf-error", { detail: { message: result.error.message }, bubbles: true, composed: true }),
      );
    } else {
      this.status = result.stale ? "pending" : "complete";
      this.error = undefined;
      this.data = result.data;
      this.host.dispatchEvent(new CustomEvent("rf-load", { detail: { data: result.data }, bubbles: true, composed: true }));
    }
    this.host.requestUpdate();
  }

  private syncLive(): void {
    const live = this.options.live;
    const want = this.host.live && this.host.isConnected && live && this.vars;
    const key = !want
      ? ""
      : "pollSeconds" in live
        ? `poll ${live.pollSeconds}`
        : `${this.endpoint}\n${this.host.token}\n${stringifyVariables(live.variables())}`;
    if (key === this.liveKey) return;
    this.stopLive();
    this.liveKey = key;
    if (!want) return;
    if ("pollSeconds" in live) {
      const id = setInterval(() => this.refetch(), live.pollSeconds * 1000);
      this.liveStop = () => clearInterval(id);
    } else {
      this.subscribeLive(live);
    }
  }

  private subscribeLive(live: Extract<LiveOption, { subscription: unknown }>): void {
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const again = () => {
      if (!stopped) reconnect = setTimeout(() => this.subscribeLive(live), RECONNECT_MS);
    };
    const { unsubscribe } = pipe(
      this.client.subscription(live.subscription, live.variables()),
      onEnd(again),
      subscribe((result: OperationResult) => {
        if (result.error) return;
        if (result.data) live.onEvent?.(result.data);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refetch(), DEBOUNCE_MS);
      }),
    );
    this.liveStop = () => {
      stopped = true;
      clearTimeout(reconnect);
      unsubscribe();
    };
  }

  private stopLive(): void {
    this.liveStop?.();
    this.liveStop = undefined;
    clearTimeout(this.timer);
    this.liveKey = "";
  }
}
