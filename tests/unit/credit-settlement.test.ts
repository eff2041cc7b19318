import { describe, expect, it } from "vitest";
import type { PeriodCredit } from "@/db/queries/credit-periods";
import type { CreditStatus } from "@/db/schema";
import { fundingCents, netPaidCents, periodPayment, settlePeriodCredits } from "@/lib/billing/credit-settlement";

// The credit lifecycle's rules as tables of cases, in integer cents (every credit is 7c = $0.07).

describe("fundingCents: 70% of the net paid, rounded down", () => {
  it.each([
    [1000, 700], // $10.00 -> $7.00, 100 credits
    [900, 630], // $9.00 after a $1 goodwill refund -> 90 credits
    [999, 699], // $9.99 -> 699c: 99 credits (693c) fit
    [200, 140], // $2.00 -> 20 credits
    [1, 0],
    [0, 0], // a $0 invoice (credit balance, 100% off) funds nothing
    [3000, 2100], // a 3-seat team: $30.00
  ])("%i cents paid funds %i cents", (paid, funded) => {
    expect(fundingCents(paid)).toBe(funded);
  });

  it("nets refunds, and a dispute that holds the funds nets to nothing", () => {
    expect(netPaidCents({ amountPaidCents: 1000, amountRefundedCents: 250, disputed: false })).toBe(750);
    expect(netPaidCents({ amountPaidCents: 1000, amountRefundedCents: 1000, disputed: false })).toBe(0);
    expect(netPaidCents({ amountPaidCents: 1000, amountRefundedCents: 0, disputed: true })).toBe(0);
  });
});

const NOW = new Date("2026-12-10T00:00:00Z");
const PAST = new Date("2026-12-01T00:00:00Z");
const FUTURE = new Date("2027-01-01T00:00:00Z");
const invoice = (status: "draft" | "open" | "paid" | "void" | "uncollectible", paid = 1000, refunded = 0) => ({
  id: `in_${status}`,
  status,
  amountPaidCents: paid,
  amountRefundedCents: refunded,
  disputed: false,
});

describe("periodPayment", () => {
  it.each([
    ["paid", [invoice("paid")], "active", FUTURE, { state: "paid", invoiceId: "in_paid", fundedCents: 700 }],
    ["paid, half refunded", [invoice("paid", 1000, 500)], "active", FUTURE, { state: "paid", fundedCents: 350 }],
    ["paid $0", [invoice("paid", 0)], "active", FUTURE, { state: "paid", fundedCents: 0 }],
    ["open, collectible", [invoice("open", 0)], "past_due", FUTURE, { state: "unpaid", fundedCents: 0 }],
    ["no invoice yet", [], "active", FUTURE, { state: "unpaid" }],
    ["voided", [invoice("void", 0)], "past_due", FUTURE, { state: "void" }],
    ["uncollectible", [invoice("uncollectible", 0)], "past_due", FUTURE, { state: "void" }],
    ["canceled with the invoice open", [invoice("open", 0)], "canceled", FUTURE, { state: "void" }],
    ["unpaid after its period ended", [invoice("open", 0)], "unpaid", PAST, { state: "void" }],
    ["unpaid before its period ended", [invoice("open", 0)], "unpaid", FUTURE, { state: "unpaid" }],
    // Void is not final: the same period paid later (an uncollectible invoice paid, an open one after cancel).
    ["uncollectible, then paid", [invoice("paid")], "canceled", PAST, { state: "paid", fundedCents: 700 }],
  ] as const)("%s", (_label, invoices, status, periodEnd, expected) => {
    expect(periodPayment([...invoices], { status }, periodEnd, NOW)).toMatchObject(expected);
  });
});

let seq = 0;
function credit(status: CreditStatus, extra: Partial<PeriodCredit> = {}): PeriodCredit {
  seq += 1;
  return {
    id: `cr_${seq}`,
    copyEventId: `ce_${seq}`,
    status,
    amountCents: 7,
    payoutId: null,
    payoutPaid: false,
    deductedInPayoutId: null,
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)),
    ...extra,
  };
}
const paid = (fundedCents: number) => ({ state: "paid" as const, invoiceId: "in_1", fundedCents });

describe("settlePeriodCredits", () => {
  it("a paid period earns its pending credits, oldest first, as far as the funding goes", () => {
    const credits = [credit("pending"), credit("pending"), credit("pending")];
    const plan = settlePeriodCredits(credits, paid(14)); // 14c funds two
    expect(plan).toMatchObject({ toEarned: ["cr_" + (seq - 2), "cr_" + (seq - 1)], toVoid: ["cr_" + seq] });
    expect(plan.creditedCents).toBe(14);
  });

  it("a partial refund reverses the newest earned and paid-out credits; the oldest stay", () => {
    const [a, b, c, d] = [
      credit("paid_out", { payoutId: "po_1", payoutPaid: true }),
      credit("earned"),
      credit("paid_out", { payoutId: "po_1", payoutPaid: true }),
      credit("earned"),
    ];
    const plan = settlePeriodCredits([a!, b!, c!, d!], paid(15)); // 15c: two credits fit
    expect(plan.toReversed).toEqual([c!.id, d!.id]);
    expect(plan.toEarned).toEqual([]);
    expect(plan.creditedCents).toBe(14);
  });

  it("a full refund or a withdrawn dispute reverses everything; pending ones become void", () => {
    const credits = [credit("earned"), credit("paid_out", { payoutId: "po_1", payoutPaid: true }), credit("pending")];
    const plan = settlePeriodCredits(credits, paid(0));
    expect(plan.toReversed).toEqual([credits[0]!.id, credits[1]!.id]);
    expect(plan.toVoid).toEqual([credits[2]!.id]);
    expect(plan.creditedCents).toBe(0);
  });

  it("a won dispute restores: paid_out again when its paid payout still holds it, earned otherwise", () => {
    const paidOut = credit("reversed", { payoutId: "po_1", payoutPaid: true });
    const heldByUnpaid = credit("reversed", { payoutId: "po_2", payoutPaid: false });
    const neverPaid = credit("reversed");
    const plan = settlePeriodCredits([paidOut, heldByUnpaid, neverPaid], paid(700));
    expect(plan.toPaidOut).toEqual([paidOut.id]);
    expect(plan.toEarned).toEqual([heldByUnpaid.id, neverPaid.id]);
    expect(plan.creditedCents).toBe(21);
  });

  it("a credit reversed and already deducted is history: its copy gets a new earned credit", () => {
    const deducted = credit("reversed", { payoutId: "po_1", payoutPaid: true, deductedInPayoutId: "po_2" });
    const plan = settlePeriodCredits([deducted], paid(700));
    expect(plan.restoreFrom).toEqual([deducted.id]);
    expect(plan.creditedCents).toBe(7);
    // Restored once: the new row is the copy's current credit, the deducted one stays history.
    const restored = credit("earned", { copyEventId: deducted.copyEventId });
    expect(settlePeriodCredits([deducted, restored], paid(700))).toMatchObject({ restoreFrom: [], toEarned: [] });
  });

  it("void is not final: a period paid after all earns its void credits", () => {
    const credits = [credit("void"), credit("void")];
    expect(settlePeriodCredits(credits, paid(700)).toEarned).toEqual(credits.map((c) => c.id));
  });

  it("an unpaid period keeps credits pending; one Stripe gave up on voids them", () => {
    const pending = credit("pending");
    const unpaid = { state: "unpaid" as const, invoiceId: null, fundedCents: 0 };
    const gaveUp = { state: "void" as const, invoiceId: null, fundedCents: 0 };
    expect(settlePeriodCredits([pending], unpaid)).toMatchObject({ toVoid: [], creditedCents: 7 });
    expect(settlePeriodCredits([pending], gaveUp)).toMatchObject({ toVoid: [pending.id], creditedCents: 0 });
    expect(settlePeriodCredits([credit("void")], unpaid)).toMatchObject({ toPending: [`cr_${seq}`], creditedCents: 7 });
  });

  it("settling twice changes nothing the second time", () => {
    const credits = [credit("earned"), credit("earned"), credit("pending")];
    const first = settlePeriodCredits(credits, paid(14));
    const after = credits.map((c) => (first.toVoid.includes(c.id) ? { ...c, status: "void" as const } : c));
    expect(settlePeriodCredits(after, paid(14))).toMatchObject({
      toEarned: [],
      toPaidOut: [],
      toReversed: [],
      toVoid: [],
      toPending: [],
      restoreFrom: [],
      creditedCents: 14,
    });
  });
});
