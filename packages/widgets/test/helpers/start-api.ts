// The API the browser tests run against. With RENFANG_API_URL set (e.g. http://127.0.0.1:4000,
// a running `pnpm start` with the demo data), that API; otherwise the temporary in-test
// harness (fake-api/). Tests only use what is returned here.
import { startFakeApi } from "./fake-api/server.js";

export interface TestApi {
  /** Origin of the API; GraphQL is at `${url}/graphql`, exports at `${url}/export/…`. */
  url: string;
  /** "harness" for the in-test server, "real" for RENFANG_API_URL. */
  kind: "harness" | "real";
  /**
   * Makes the API report a hazard change (`hazardChanged`), for the live-update test. The harness
   * changes its row directly; for the real API this is where a mutation with a token goes.
   */
  changeHazard?: (code: string, status: string) => Promise<boolean>;
  close(): Promise<void>;
}

export async function startApi(): Promise<TestApi> {
  const external = process.env.RENFANG_API_URL;
  if (external) return { url: new URL(external).origin, kind: "real", close: async () => {} };
  const api = await startFakeApi();
  return { url: api.url, kind: "harness", changeHazard: async (c, s) => api.changeHazard(c, s), close: api.close };
}
