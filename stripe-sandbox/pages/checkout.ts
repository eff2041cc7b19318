import { allowsTrialWithoutCard, checkoutDetailsOf, completeCheckout } from "../billing/checkout";
import { readCardForm } from "../billing/cards";
import { money } from "../billing/lines";
import { days } from "../core/clock";
import { StripeError } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import type { CheckoutSession } from "../core/types";
import type { CardInput } from "../objects/payment";
import { alertBox, cardFields, formatDate, html, layout } from "./html";
import { field, notFound, type PageContext, type PageResult, type PageRoute } from "./route";

// Dot-separated domain labels that cannot contain a dot: one way to match, so no backtracking on long input.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export const checkoutPages: PageRoute[] = [
  { method: "GET", path: "/checkout/:id", handler: (context) => showCheckout(context) },
  { method: "POST", path: "/checkout/:id", handler: (context) => submitCheckout(context) },
];

function showCheckout({ sb, path }: PageContext): PageResult {
  const session = sb.store.get("checkout_sessions", path.id);
  if (!session) return notFound("Checkout session");
  return render(sb, session, { status: 200, error: null, email: defaultEmail(sb, session) });
}

/** Hosted checkout form: pays (or starts the trial) and redirects to success_url, or re-renders with the error. */
function submitCheckout({ sb, path, form }: PageContext): PageResult {
  const session = sb.store.get("checkout_sessions", path.id);
  if (!session) return notFound("Checkout session");
  if (session.status !== "open") return render(sb, session, { status: 409, error: null, email: "" });
  const email = field(form, "email") || defaultEmail(sb, session);
  const fail = (status: number, error: string) => render(sb, session, { status, error, email });
  if (!EMAIL.test(email)) return fail(400, "Your email address is invalid.");

  let card: CardInput | null = null;
  if (field(form, "action") === "trial_without_card") {
    if (!allowsTrialWithoutCard(sb, session)) return fail(400, "This checkout needs a card.");
  } else {
    const read = readCardForm(
      { number: field(form, "card_number"), expiry: field(form, "card_expiry"), cvc: field(form, "card_cvc") },
      sb.now(),
    );
    if (!read.ok) return fail(read.declined ? 402 : 400, read.message);
    card = read.card;
  }
  try {
    sb.transaction(null, () => completeCheckout(sb, session, { email, card }));
  } catch (error) {
    if (error instanceof StripeError && error.type === "card_error") return fail(402, error.message);
    throw error;
  }
  return { redirect: (session.success_url ?? "/").replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
}

function render(
  sb: Sandbox,
  session: CheckoutSession,
  state: { status: number; error: string | null; email: string },
): PageResult {
  const title = "Subscribe to Flowtab";
  if (session.status !== "open") {
    const message =
      session.status === "complete" ? "This checkout is already complete." : "This checkout session has expired.";
    const back =
      session.status === "complete"
        ? session.success_url?.replaceAll("{CHECKOUT_SESSION_ID}", session.id)
        : session.cancel_url;
    const link = back ? html`<p><a href="${back}">Return to Flowtab</a></p>` : "";
    return {
      status: state.status,
      html: layout(
        title,
        html`<h1>${message}</h1>
          ${link}`,
      ),
    };
  }
  const details = checkoutDetailsOf(sb, session);
  const trialDays = details.trialPeriodDays;
  const lines = details.lineItems.map((item) => {
    const price = sb.require("prices", item.price);
    const product = sb.store.get("products", price.product)?.name ?? price.product;
    return {
      product,
      quantity: item.quantity,
      amount: price.unit_amount * item.quantity,
      interval: price.recurring?.interval ?? "month",
    };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const perPeriod = `${money(total)} per ${lines[0]?.interval ?? "month"}`;
  const terms = trialDays
    ? `${trialDays} days free, then ${perPeriod} from ${formatDate(sb.now() + days(trialDays))}`
    : `Total due today: ${money(total)}, then ${perPeriod}`;
  const content = html` <h1>${title}</h1>
    <ul aria-label="Order summary">
      ${lines.map((line) => html`<li>${line.product} × ${line.quantity}: ${money(line.amount)} per ${line.interval}</li>`)}
    </ul>
    <p><strong>${terms}</strong></p>
    ${alertBox(state.error)}
    <form method="post" action="/checkout/${session.id}">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="email" value="${state.email}" required />
      ${cardFields()}
      <button type="submit" name="action" value="pay">${trialDays ? "Start trial" : "Pay"}</button>
      ${
        allowsTrialWithoutCard(sb, session)
          ? html`<button type="submit" name="action" value="trial_without_card" class="secondary" formnovalidate>
              Start trial without a card
            </button>`
          : ""
      }
    </form>
    ${session.cancel_url ? html`<p><a href="${session.cancel_url}">Cancel and return to Flowtab</a></p>` : ""}
    <p class="muted">
      Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined. Any future expiry and CVC.
    </p>`;
  return { status: state.status, html: layout(title, content) };
}

function defaultEmail(sb: Sandbox, session: CheckoutSession): string {
  const customer = session.customer ? sb.store.get("customers", session.customer) : undefined;
  return customer?.email ?? session.customer_email ?? "";
}
