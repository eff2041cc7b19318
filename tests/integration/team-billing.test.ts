// A team's billing against an in-process Stripe sandbox: Checkout with a quantity, seat changes in the portal
// synced by webhook, and the owner told when the seats fall below the members.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, subscriptions, tenants } from "@/db/schema";
import { startCheckout } from "@/lib/billing/checkout";
import { createPortalUrl } from "@/lib/billing/portal";
import { syncSubscriptionFromStripe } from "@/lib/billing/sync";
import { getEntitlement } from "@/lib/entitlements";
import { createTeam } from "@/lib/teams/create-team";
import { inviteToTeam } from "@/lib/teams/invitations";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";
import { WEBHOOK_SECRET, startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";
import { Deliverer, VISA } from "./billing-support";
import { joinTeam } from "./team-support";

let t: TestDb;
let sandbox: TestSandbox;
let send: Deliverer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.PGLITE_DIR ??= join(mkdtempSync(join(tmpdir(), "flowtab-team-billing-")), "pglite");
  t = await createTestDb();
  send = new Deliverer(() => t.db, sandbox.stripe);
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

describe("team billing", () => {
  it("Checkout for 3 seats (no trial); seats lowered in the portal sync by webhook and the owner is told", async () => {
    const { user: owner, tenant: ownerTenant } = await makeUser(t.db, "Olive Owner");
    await expect(
      createTeam(t.db, { userId: owner.id, input: { name: "Acme Research", seats: 1 } }),
    ).rejects.toMatchObject({ issues: [{ path: ["seats"], message: "A team has at least 2 seats." }] });

    const { tenantId, url } = await createTeam(t.db, { userId: owner.id, input: { name: "Acme Research", seats: 3 } });
    const session = await sandbox.stripe.checkout.sessions.retrieve(/cs_[A-Za-z0-9_]+/.exec(url)![0]);
    expect(session.amount_total).toBe(3000); // 3 seats x $10.00, due today: a team has no trial
    // A second team while this one is unpaid is refused: the first one's checkout is the way on.
    await expect(createTeam(t.db, { userId: owner.id, input: { name: "Another", seats: 2 } })).rejects.toMatchObject({
      code: "conflict",
      details: { tenantId },
    });

    const paid = await submitForm(url, { email: owner.email, action: "pay", ...VISA });
    expect(paid.status).toBe(303);
    const [team] = await t.db.select().from(tenants).where(eq(tenants.id, tenantId));
    const customerId = team!.stripeCustomerId!;
    await send.deliverPending(sandbox, customerId);
    const [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
    expect(row).toMatchObject({ status: "active", quantity: 3, unitAmountCents: 1000 });
    expect((await getEntitlement(t.db, { userId: owner.id })).plan.id).toBe("team");
    // One live subscription per team: a second checkout is sent to the portal.
    const again = await startCheckout(t.db, {
      userId: owner.id,
      personalTenantId: ownerTenant.id,
      input: { tenantId, quantity: 2 },
    });
    expect(again.kind).toBe("portal");

    const early = await joinTeam(t.db, tenantId, "Early Ed", new Date(Date.now() - 1000));
    const late = await joinTeam(t.db, tenantId, "Late Lou");
    expect((await getEntitlement(t.db, { userId: late.user.id })).premiumAccess).toBe(true);

    // The owner lowers the seats to 2 in the portal; Stripe's customer.subscription.updated brings it back.
    const portal = await createPortalUrl(customerId);
    const subscriptionId = (await sandbox.stripe.subscriptions.list({ customer: customerId })).data[0]!.id;
    const lowered = await submitForm(`${portal}/seats`, { subscription: subscriptionId, quantity: "2" });
    expect(lowered.status).toBe(303);
    const events = await send.deliverPending(sandbox, customerId);
    expect(events.map((e) => e.type)).toContain("customer.subscription.updated");
    const [after] = await t.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
    expect(after!.quantity).toBe(2);
    // The first two by join date keep their seats.
    expect((await getEntitlement(t.db, { userId: owner.id })).premiumAccess).toBe(true);
    expect((await getEntitlement(t.db, { userId: early.user.id })).premiumAccess).toBe(true);
    expect((await getEntitlement(t.db, { userId: late.user.id })).premiumAccess).toBe(false);

    const told = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "team_seats_short"));
    expect(told.map((m) => [m.toAddress, m.subject])).toEqual([
      [owner.email, "Acme Research has 2 seats for 3 members"],
    ]);
    expect(told[0]!.textBody).toContain("no premium access until you add seats or remove someone: Late Lou.");
    // A repeated sync tells nobody twice.
    await syncSubscriptionFromStripe(t.db, customerId);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "team_seats_short"))).toHaveLength(1);

    // Raised to 4: Lou has a seat again and there is room to invite one more.
    await submitForm(`${portal}/seats`, { subscription: subscriptionId, quantity: "4" });
    await send.deliverPending(sandbox, customerId);
    expect((await getEntitlement(t.db, { userId: late.user.id })).premiumAccess).toBe(true);
    await expect(
      inviteToTeam(t.db, { tenantId, inviterId: owner.id, email: "fourth@example.com", role: "member" }),
    ).resolves.toMatchObject({ email: "fourth@example.com" });
  });
});
