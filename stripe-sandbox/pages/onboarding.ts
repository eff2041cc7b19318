import { TEST_BANK_ACCOUNT, completeOnboarding } from "../connect/accounts";
import type { Sandbox } from "../core/sandbox";
import type { AccountLinkRecord } from "../core/store";
import { alertBox, html, layout } from "./html";
import { field, notFound, type PageContext, type PageResult, type PageRoute } from "./route";

const COUNTRIES: Record<string, string> = {
  US: "United States",
  GB: "United Kingdom",
  CA: "Canada",
  AU: "Australia",
  DE: "Germany",
  FR: "France",
  NL: "Netherlands",
  IE: "Ireland",
};

/** Connect Express onboarding behind an account link: expired or used links send the user to refresh_url. */
export const onboardingPages: PageRoute[] = [
  {
    method: "GET",
    path: "/connect/onboarding/:token",
    handler: ({ sb, path }) =>
      withLink(sb, path.token, (link) => render(sb, link, path.token, { status: 200, error: null, name: "" })),
  },
  {
    method: "POST",
    path: "/connect/onboarding/:token",
    handler: ({ sb, path, form }: PageContext) =>
      withLink(sb, path.token, (link) => {
        const name = field(form, "name");
        const country = field(form, "country");
        const fail = (error: string) => render(sb, link, path.token, { status: 400, error, name });
        if (name === "") return fail("Enter your legal name.");
        if (!(country in COUNTRIES)) return fail("Choose a country.");
        if (field(form, "bank_account").replace(/\s/g, "") !== TEST_BANK_ACCOUNT) {
          return fail(`Use the test bank account number ${TEST_BANK_ACCOUNT}.`);
        }
        sb.transaction(null, () => {
          completeOnboarding(sb, sb.require("accounts", link.account), { name, country });
          link.used = true;
        });
        return { redirect: link.returnUrl };
      }),
  },
];

function withLink(sb: Sandbox, token: string, onLink: (link: AccountLinkRecord) => PageResult): PageResult {
  const link = sb.store.state.accountLinks[token];
  if (!link) return notFound("Onboarding link");
  if (link.used || sb.now() > link.expiresAt) return { redirect: link.refreshUrl };
  return onLink(link);
}

function render(
  sb: Sandbox,
  link: AccountLinkRecord,
  token: string,
  state: { status: number; error: string | null; name: string },
): PageResult {
  const account = sb.require("accounts", link.account);
  const content = html` <h1>Set up payouts for Flowtab</h1>
    <p class="muted">Account ${account.id}</p>
    ${alertBox(state.error)}
    <form method="post" action="/connect/onboarding/${token}">
      <label for="name">Legal name</label>
      <input id="name" name="name" autocomplete="name" value="${state.name}" required />
      <label for="country">Country</label>
      <select id="country" name="country">
        ${Object.entries(COUNTRIES).map(
          ([code, label]) =>
            html`<option value="${code}" ${code === account.country ? html`selected` : ""}>${label}</option>`,
        )}
      </select>
      <label for="bank_account">Bank account number</label>
      <input id="bank_account" name="bank_account" inputmode="numeric" placeholder="${TEST_BANK_ACCOUNT}" required />
      <p class="muted">Test mode: use ${TEST_BANK_ACCOUNT}.</p>
      <button type="submit">Agree and submit</button>
    </form>`;
  return { status: state.status, html: layout("Connect onboarding", content) };
}
