import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSandbox } from "../../stripe-sandbox/index";
import { startTestSandbox, subscribeThroughCheckout, tempStateFile, type TestSandbox } from "./helpers";

let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("persistence and start-up", () => {
  it("keeps objects, events and the clock across a restart", async () => {
    const stateFile = tempStateFile();
    sandbox = await startTestSandbox({ stateFile });
    const { customer, subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    await sandbox.post("clock/advance", { seconds: 2 * 86_400 });
    const before = (await sandbox.get("now")).now;
    await sandbox.close();

    expect(JSON.parse(readFileSync(stateFile, "utf8")).objects.customers[customer.id].email).toBe(customer.email);
    expect(readdirSync(dirname(stateFile))).toEqual(["state.json"]);

    sandbox = await startTestSandbox({ stateFile });
    expect((await sandbox.stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
    expect((await sandbox.stripe.subscriptions.retrieve(subscription.id)).status).toBe("trialing");
    expect((await sandbox.stripe.events.list({ type: "checkout.session.completed" })).data).toHaveLength(1);
    expect((await sandbox.get("now")).now).toBeGreaterThanOrEqual(before);
  });

  it("starts afresh after a reset, with the built-in Premium price", async () => {
    sandbox = await startTestSandbox();
    await sandbox.stripe.customers.create({ email: "gone@example.com" });
    await sandbox.post("reset");
    expect((await sandbox.stripe.customers.list()).data).toHaveLength(0);
    const price = await sandbox.stripe.prices.retrieve("price_flowtab_premium_monthly", { expand: ["product"] });
    expect(price).toMatchObject({
      unit_amount: 1000,
      currency: "usd",
      lookup_key: "flowtab_premium_monthly",
      recurring: { interval: "month" },
    });
    expect(
      (await sandbox.stripe.prices.list({ lookup_keys: ["flowtab_premium_monthly"] })).data.map((p) => p.id),
    ).toEqual([price.id]);
  });

  it("refuses to start in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(startSandbox({ port: 0, stateFile: tempStateFile() })).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      vi.unstubAllEnvs();
    }
    const stateFile = tempStateFile();
    const cli = spawnSync(process.execPath, ["--import", "tsx", "stripe-sandbox/server.ts"], {
      env: { ...process.env, NODE_ENV: "production", SANDBOX_PORT: "0", SANDBOX_STATE_FILE: stateFile },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("refusing to start with NODE_ENV=production");
    expect(existsSync(stateFile)).toBe(false);
  });
});
