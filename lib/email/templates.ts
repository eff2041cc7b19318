import { env } from "@/lib/env";
import { formatUsdCents } from "@/lib/payouts/format";
import { monthLabel } from "@/lib/payouts/month";

type Rendered = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Plain text plus a simple HTML version built from the same paragraphs and one call to action. */
export function render(subject: string, paragraphs: string[], action: { label: string; path: string }): Rendered {
  const url = new URL(action.path, env().APP_URL).toString();
  const text = `${paragraphs.join("\n\n")}\n\n${action.label}: ${url}\n\n— Flowtab`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328">${paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join(
      "",
    )}<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:#0f766e;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(
    action.label,
  )}</a></p><p style="color:#59636e">— Flowtab</p></body></html>`;
  return { subject, text, html };
}

export function trialEndingEmail(params: { name: string | null; trialEnd: Date }): Rendered {
  const day = params.trialEnd.toUTCString().slice(0, 16);
  return render(
    "Your Flowtab trial ends in 3 days",
    [
      `Hi ${params.name ?? "there"},`,
      `Your free trial of Flowtab Premium ends on ${day}. Add a card before then to keep reading and copying premium flows; without one, premium access pauses when the trial ends.`,
    ],
    { label: "Manage billing", path: "/account" },
  );
}

export function paymentFailedEmail(params: { name: string | null }): Rendered {
  return render(
    "Your Flowtab payment failed",
    [
      `Hi ${params.name ?? "there"},`,
      "We couldn't charge your card for Flowtab Premium. You keep access while we retry over the next days; update your card to avoid losing it.",
    ],
    { label: "Update your card", path: "/account" },
  );
}

export function paymentActionRequiredEmail(params: { name: string | null }): Rendered {
  return render(
    "Confirm your Flowtab payment",
    [
      `Hi ${params.name ?? "there"},`,
      "Your bank asked you to confirm the latest Flowtab payment. Confirm it to keep premium access.",
    ],
    { label: "Open billing", path: "/account" },
  );
}

export function welcomeEmail(params: { name: string | null }): Rendered {
  return render(
    "Welcome to Flowtab",
    [
      `Hi ${params.name ?? "there"},`,
      "Welcome to Flowtab: tested, reusable instructions that tell your AI browser agent how to get one job done on one kind of website.",
      "Browse the catalogue and copy any free flow. Premium gives you the whole library for $10 a month, and 70% of it goes to the creators whose flows you copy.",
    ],
    { label: "Browse flows", path: "/flows" },
  );
}

export function verifyEmailEmail(params: { name: string | null; path: string }): Rendered {
  return render(
    "Confirm your email for Flowtab",
    [
      `Hi ${params.name ?? "there"},`,
      "Confirm that this is your email address to start your free 7-day trial of Flowtab Premium. The link works once and expires in 24 hours.",
      "If you did not create a Flowtab account, ignore this email.",
    ],
    { label: "Confirm my email", path: params.path },
  );
}

export function payoutPaidEmail(params: { name: string | null; month: string; amountCents: number }): Rendered {
  const amount = formatUsdCents(params.amountCents);
  return render(
    `Your Flowtab payout of ${amount} is on its way`,
    [
      `Hi ${params.name ?? "there"},`,
      `We sent ${amount} to your connected Stripe account for your ${monthLabel(params.month)} earnings on Flowtab. Stripe pays it out to your bank on your account's payout schedule.`,
      "Thank you for publishing flows people rely on.",
    ],
    { label: "See your payouts", path: "/creator/payouts" },
  );
}

/** The reason stays internal (it can be about the platform's own balance); the creator learns what to check. */
export function payoutFailedEmail(params: { name: string | null; month: string; amountCents: number }): Rendered {
  const amount = formatUsdCents(params.amountCents);
  return render(
    `We could not send your Flowtab payout of ${amount}`,
    [
      `Hi ${params.name ?? "there"},`,
      `Your ${monthLabel(params.month)} payout of ${amount} could not be transferred to your Stripe account after several attempts.`,
      "Your earnings are safe: the amount stays reserved for you and our team has been notified to sort it out. Please check that your Stripe account can still receive transfers.",
    ],
    { label: "Check your payout settings", path: "/creator/payouts" },
  );
}

/** An admin unpublished the creator's flow after a report: what happened, why, and how to ask for a review. */
export function flowUnpublishedEmail(params: {
  name: string | null;
  flowTitle: string;
  reason: { label: string; description: string };
  note: string | null;
}): Rendered {
  return render(
    `Your flow “${params.flowTitle}” was unpublished`,
    [
      `Hi ${params.name ?? "there"},`,
      `We unpublished your flow “${params.flowTitle}” after a report from a Flowtab member. It no longer appears in the catalogue, and subscribers can no longer read or copy it.`,
      `Reason: ${params.reason.label}. ${params.reason.description}`,
      ...(params.note ? [`Note from our team: ${params.note}`] : []),
      "You can still edit it. Reply to this email once it is fixed and we will review it and publish it again.",
    ],
    { label: "Open your flows", path: "/creator/flows" },
  );
}
