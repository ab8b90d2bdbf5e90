// TEMPORARY HARNESS, until packages/api exists: a real GraphQL server (graphql-yoga, with GET
// queries and GraphQL over SSE like the real API) over the contract subset in contract.graphql
// and the fixed rows of data.ts. Start it through startApi() (../start-api.ts), never directly.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSchema, createYoga } from "graphql-yoga";
import { makeDataset } from "./data.js";
import { makeResolvers } from "./resolvers.js";

export interface FakeApi {
  url: string;
  changeHazard(code: string, status: string): boolean;
  close(): Promise<void>;
}

export async function startFakeApi(): Promise<FakeApi> {
  const typeDefs = readFileSync(new URL("./contract.graphql", import.meta.url), "utf8");
  const { resolvers, changeHazard } = makeResolvers(makeDataset());
  const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }), graphiql: false, logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    changeHazard,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
