// POST /api/webhooks/stripe: verifies the signature on the raw body, then applies the event exactly once.
// 400 bad signature (nothing written), 200 applied/duplicate/ignored, 500 on our failure so Stripe retries.
import { getDb } from "@/db";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { billingConfig, getStripe } from "@/lib/billing/stripe-client";

export async function POST(request: Request) {
  const payload = await request.text();
  const signature = request.headers.get("stripe-signature");
  const stripe = getStripe();
  let event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = stripe.webhooks.constructEvent(payload, signature, billingConfig().webhookSecret);
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
