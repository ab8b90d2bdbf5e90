// CSRF prevention for browser requests (issue 6), yoga's plugin with one addition: a request the
// browser marks `Sec-Fetch-Site: same-origin` (a header no page can forge) is not cross-site, so
// the example portal served at / works with no extra header. Any other request that skipped the
// CORS preflight (GET, form or text/plain POST) must carry one of the required headers.
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Plugin } from "graphql-yoga";

export interface CsrfPluginOptions {
  /** Headers that prove a preflight. @default csrfHeaders */
  requestHeaders?: string[];
}

/**
 * The widgets send `x-graphql-client: renfang-widgets`; any client may send `x-graphql-yoga-csrf`;
 * and a bearer token's `Authorization` is not CORS-safelisted, so it forces a preflight too.
 */
export const csrfHeaders = ["x-graphql-client", "x-graphql-yoga-csrf", "authorization"];

export function useCsrfPrevention(options: CsrfPluginOptions = {}): Plugin {
  const yogaPlugin = useCSRFPrevention({ requestHeaders: options.requestHeaders ?? csrfHeaders });
  return {
    onRequestParse(payload) {
      if (payload.request.headers.get("sec-fetch-site") === "same-origin") return;
      return yogaPlugin.onRequestParse?.(payload);
    },
  };
}
