// POST /api/webhooks/stripe: verifies the signature on the raw body, then applies the event exactly once.
// 400 bad signature (nothing written), 200 applied/duplicate/ignored, 500 on our failure so Stripe retries.
import { getDb } from "@/db";
import { readBodyText } from "@/lib/api/body";
import { errorResponse } from "@/lib/errors";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { billingConfig, getStripe } from "@/lib/billing/stripe-client";

// Stripe's events are a few KB; anything near this is not from Stripe (read while streaming, never whole).
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export async function POST(request: Request) {
  let payload: string;
  let stripe: ReturnType<typeof getStripe>;
  let webhookSecret: string;
  try {
    // Billing not configured (or the sandbox in production): 503, and Stripe retries later.
    stripe = getStripe();
    webhookSecret = billingConfig().webhookSecret;
    payload = await readBodyText(request, MAX_WEBHOOK_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  const signature = request.headers.get("stripe-signature");
  let event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = stripe.webhooks.constructEvent(payload, signature, webhookSecret);
  } catch (error) {
    return Response.json(
      { error: { code: "bad_request", message: `Invalid signature: ${(error as Error).message}` } },
      { status: 400 },
    );
  }
  try {
    const outcome = await handleStripeEvent(await getDb(), event, stripe);
    return Response.json({ received: true, outcome });
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "stripe webhook failed",
        eventId: event.id,
        type: event.type,
        error: String(error),
      }),
    );
    return Response.json(
      { error: { code: "internal", message: "Webhook processing failed; retry later." } },
      { status: 500 },
    );
  }
}
