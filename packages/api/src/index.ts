export { hashApiKey, newApiKey, signToken, tokenSecret, verifyToken } from "./auth.ts";
export { type Config, loadConfig } from "./config.ts";
export { type Api, type ApiOptions, createApi } from "./yoga.ts";
