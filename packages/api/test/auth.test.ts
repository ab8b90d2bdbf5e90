// Bearer tokens: a verified token is remembered until it expires, but only for the secret that
// verified it, and an expired one is refused even after it was remembered.
import { describe, expect, it } from "vitest";
import { AuthError, signToken, verifyToken } from "../src/auth.ts";

const A = "secret-a-secret-a-secret-a-secret-a-0000";
const B = "secret-b-secret-b-secret-b-secret-b-0000";
// JWTs never reach the database; API keys are tested through the CLI and the API.
const noDatabase = undefined as never;

describe("verifyToken", () => {
  it("answers the same viewer for a token seen again", async () => {
    const token = await signToken(A, { subject: "P-1", role: "CITY_OFFICER", regionCode: "360100" });
    const first = await verifyToken(A, token, noDatabase);
    expect(first).toMatchObject({ subject: "P-1", role: "CITY_OFFICER", regionCode: "360100" });
    expect(await verifyToken(A, token, noDatabase)).toEqual(first);
  });

  it("refuses a remembered token under another secret", async () => {
    const token = await signToken(A, { subject: "P-2", role: "ANALYST" });
    await verifyToken(A, token, noDatabase);
    await expect(verifyToken(B, token, noDatabase)).rejects.toThrow(AuthError);
  });

  it("refuses a remembered token once it has expired", { timeout: 15_000 }, async () => {
    const token = await signToken(A, { subject: "P-3", role: "ANALYST", expiresIn: "2s" });
    await verifyToken(A, token, noDatabase);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await expect(verifyToken(A, token, noDatabase)).rejects.toThrow("token expired");
  });
});
