/** Markup that is already safe; everything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
}

type Fragment = SafeHtml | string | number | null | undefined | false | Fragment[];

/** Tagged template that escapes its values, so user input never becomes markup. */
export function html(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, text, index) => out + text + (index < values.length ? fragment(values[index]) : ""), ""),
  );
}

function fragment(value: Fragment): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(fragment).join("");
  if (value === null || value === undefined || value === false) return "";
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; background: #f6f9fc; color: #1a1f36; margin: 0; }
  main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 2px 8px rgba(0,0,0,.08); }
  h1 { font-size: 1.4rem; margin-top: 0; } h2 { font-size: 1.1rem; }
  label { display: block; margin: .75rem 0 .25rem; font-weight: 600; font-size: .9rem; }
  input, select { width: 100%; box-sizing: border-box; padding: .55rem; border: 1px solid #c1c9d2; border-radius: 4px; font: inherit; }
  fieldset { border: 0; padding: 0; margin: 0; } legend { font-weight: 700; margin-top: 1rem; }
  .row { display: flex; gap: .75rem; } .row > div { flex: 1; }
  button { margin-top: 1rem; width: 100%; padding: .7rem; border: 0; border-radius: 4px; background: #635bff; color: #fff;
           font: inherit; font-weight: 600; cursor: pointer; }
  button.secondary { background: #fff; color: #635bff; border: 1px solid #635bff; }
  .alert { background: #fde8e8; color: #9b1c1c; padding: .75rem; border-radius: 4px; }
  .notice { background: #e6f4ea; color: #1e4620; padding: .75rem; border-radius: 4px; }
  .muted { color: #697386; font-size: .9rem; } dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
  dt { color: #697386; } dd { margin: 0; } section { border-top: 1px solid #e3e8ee; margin-top: 1.5rem; }
  .badge { font-size: .75rem; background: #ffde92; padding: .1rem .4rem; border-radius: 4px; }
`;

export function layout(title: string, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <p class="muted"><span class="badge">TEST MODE</span> Flowtab Stripe sandbox</p>
          ${content}
        </main>
      </body>
    </html>`.value;
}

/** The card number, expiry and CVC fields shared by checkout and the portal. */
export function cardFields(): SafeHtml {
  return html`<fieldset>
    <legend>Card information</legend>
    <label for="card_number">Card number</label>
    <input
      id="card_number"
      name="card_number"
      inputmode="numeric"
      autocomplete="cc-number"
      placeholder="4242 4242 4242 4242"
      required
    />
    <div class="row">
      <div>
        <label for="card_expiry">Expiry date (MM / YY)</label>
        <input id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM / YY" required />
      </div>
      <div>
        <label for="card_cvc">CVC</label>
        <input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required />
      </div>
    </div>
  </fieldset>`;
}

export function alertBox(message: string | null): SafeHtml {
  return message ? html`<p class="alert" role="alert">${message}</p>` : html``;
}

export function formatDate(unix: number): string {
  return new Date(unix * 1000).toLocaleDateString("en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
  });
}
