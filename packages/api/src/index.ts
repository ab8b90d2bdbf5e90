export { type ApiOptions, type Api, createApi } from "./yoga.ts";
export { signToken, verifyToken, tokenSecret, newApiKey, hashApiKey } from "./auth.ts";
export { loadConfig, type Config } from "./config.ts";
