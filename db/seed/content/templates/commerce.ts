import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

const RETAILERS = ["amazon.com", "walmart.com", "bestbuy.com", "target.com", "costco.com", "ebay.com"];

export const commerceTemplates: FlowTemplate[] = [
  {
    id: "shop-compare",
    category: "Shopping",
    title: "Compare prices for {product} on {site} and {site2}",
    summary:
      "Finds the same {product} on {site} and {site2}, confirms the model matches, and compares total cost with shipping, returns and delivery date.",
    sites: RETAILERS,
    sites2: RETAILERS,
    vars: {
      product: [
        "a 65-inch OLED TV",
        "noise-cancelling headphones",
        "a robot vacuum",
        "an espresso machine",
        "a standing desk",
        "a mesh Wi-Fi system",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome", "Opera Neon"],
    tags: ["price-comparison", "deals"],
    creators: ["lena-sells", "demo-creator"],
    objective:
      "Work out whether {site} or {site2} offers the lower total price for {{model}} delivered to {{zip_code}}, and recommend one.",
    prerequisites: ["No sign-in needed; a model number gives better matches than a description."],
    inputs: [
      ["model", "Brand and model number of the {product} you want."],
      ["zip_code", "Delivery ZIP code."],
    ],
    steps: [
      [
        "Search the first store",
        "Search {site} for {{model}}. Open the listing whose model number matches exactly and set the delivery location to {{zip_code}} if asked.",
      ],
      ["Record the offer", "Write down price, seller, condition, shipping cost, delivery date and return window."],
      [
        "Search the second store",
        "Repeat on {site2}. Prefer listings sold by the store itself over marketplace sellers and note the seller either way.",
      ],
      [
        "Confirm it is the same product",
        "Compare model number, colour, size and bundle contents. If they differ, say how.",
      ],
      [
        "Recommend",
        "Return a table with both offers and their totals, then a one-sentence recommendation that mentions return policy when the totals are within $10.",
      ],
    ],
    failures: [
      F.captcha,
      "The product is out of stock at one store: report it and include any restock date shown.",
      'Prices hidden until the cart: report "price in cart" instead of adding to cart.',
    ],
    safety: ["Never add to cart, sign in or buy.", S.payments],
  },
  {
    id: "shop-orders-log",
    category: "Shopping",
    title: "Log this month's {site} orders and delivery status to a Google Sheet",
    summary:
      "Reads your {site} order history for the month and writes one row per item to a Google Sheet with price, order date and delivery status, ready for budgeting or expense claims.",
    sites: ["amazon.com", "walmart.com", "target.com", "bestbuy.com", "costco.com", "etsy.com"],
    sites2: ["docs.google.com"],
    agents: ["Manus", "Browser Use", "Claude for Chrome"],
    tags: ["orders", "budgeting", "google-sheets"],
    creators: ["lena-sells", "aisha-finance", "demo-creator"],
    objective:
      "Record every {site} order placed in {{month}} in the Google Sheet {{sheet_url}}: order date, item, quantity, price, order number and current delivery status.",
    prerequisites: [
      "Signed in to {site} and to Google Sheets in the same browser.",
      "A sheet with the columns Order date, Item, Qty, Price, Order number, Status.",
    ],
    inputs: [
      ["month", "Month to log, e.g. March 2025."],
      ["sheet_url", "URL of the Google Sheet."],
    ],
    steps: [
      ["Open order history", "On {site}, open your orders page and filter or scroll to orders placed in {{month}}."],
      [
        "Read each order",
        "For each order, open the details and read every item with quantity and item price, plus the order number and status (delivered, shipped, cancelled, returned).",
      ],
      [
        "Skip what does not belong",
        'Leave out cancelled orders unless a charge remained, and mark returns with status "Returned".',
      ],
      ["Check the sheet", "Open {{sheet_url}} and compare order numbers already present to avoid duplicates."],
      ["Append rows", "Add one row per item with the values in the column order above."],
      ["Summarise", "Report the number of orders and items logged and the month's total spend."],
    ],
    failures: [
      F.login,
      "Order history loads in pages: use the page links at the bottom, not infinite scrolling.",
      "An item price is not shown separately: record the order total and note it.",
    ],
    safety: [
      "Do not reorder, cancel, return or review anything.",
      "Keep delivery addresses and payment details out of the sheet.",
      S.irreversible,
    ],
  },
  {
    id: "shop-best-reviewed",
    category: "Shopping",
    title: "Find the best-reviewed {product} under {budget} on {site}",
    summary:
      "Searches {site} for {product} under {budget}, weighs rating, review volume and recent complaints, and returns three picks with honest trade-offs.",
    sites: ["amazon.com", "walmart.com", "bestbuy.com", "target.com"],
    vars: {
      product: [
        "air purifier",
        "kids' tablet",
        "cordless drill",
        "electric toothbrush",
        "carry-on suitcase",
        "mechanical keyboard",
      ],
      budget: ["$100", "$200"],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Copilot Mode in Edge", "Dia"],
    tags: ["reviews", "buying-guide"],
    creators: ["lena-sells"],
    objective:
      "Recommend three {product} options on {site} priced under {budget} that best fit {{needs}}, backed by rating data and specific review evidence.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["needs", 'What matters most, e.g. "quiet, small bedroom, filters under $30".'],
      ["avoid", "Brands or features to exclude."],
    ],
    steps: [
      [
        "Search and filter",
        "Search {site} for {product}, set the price filter to under {budget} and sort by customer rating or best match.",
      ],
      [
        "Shortlist",
        "Take up to eight products with at least 4 stars and a meaningful number of reviews, excluding anything in {{avoid}}.",
      ],
      [
        "Read the critical reviews",
        "For each, read the most recent 1- and 2-star reviews and note repeated failure modes.",
      ],
      ["Check the specs", "Compare the specs that matter for {{needs}} from the product details section."],
      [
        "Pick three",
        "Choose the best overall, best value and an alternative, each with price, rating, review count, a key strength and a key weakness.",
      ],
    ],
    failures: [
      "Sponsored listings dominate results: skip items marked Sponsored unless they also rank organically.",
      F.captcha,
      "Variant listings share reviews: note that the rating may cover other sizes or models.",
    ],
    safety: ["Do not add to cart or buy.", "Be explicit when review evidence is thin."],
  },
  {
    id: "shop-fake-reviews",
    category: "Shopping",
    title: "Spot suspicious reviews on {a_site} product listing",
    summary:
      "Looks at the review distribution, timing and wording on {a_site} listing to judge whether the rating can be trusted, and explains the evidence.",
    sites: ["amazon.com", "walmart.com", "etsy.com", "bestbuy.com", "target.com", "ebay.com"],
    agents: ["Claude for Chrome", "Perplexity Comet", "ChatGPT Atlas"],
    tags: ["reviews", "fraud-check"],
    creators: ["lena-sells", "tomas-support"],
    objective:
      "Assess whether the reviews on {{listing_url}} look genuine, and give an adjusted view of product quality based on the reviews that seem trustworthy.",
    prerequisites: ["No sign-in needed for most listings."],
    inputs: [["listing_url", "URL of the {site} product listing."]],
    steps: [
      [
        "Read the distribution",
        "Open {{listing_url}} and record the average rating, total reviews and the percentage for each star level. A U-shape (many 5s and 1s, few middle) is a warning sign.",
      ],
      [
        "Check timing",
        "Sort reviews by most recent and look for bursts of 5-star reviews within a few days, especially right after launch.",
      ],
      [
        "Check wording",
        "Look for generic praise without details, repeated phrases across reviews, and reviews about a different product.",
      ],
      [
        "Check reviewers",
        "Note whether reviews are marked as verified purchases and whether photos look like real use.",
      ],
      ["Read the negatives", "Read the 1- and 2-star reviews for concrete, recurring defects."],
      [
        "Give a verdict",
        "Return trust level (high / mixed / low) with the evidence, and a quality summary based only on the trustworthy reviews.",
      ],
    ],
    failures: [
      "Reviews are aggregated across variants: mention it.",
      "Too few reviews to judge (under 20): say the evidence is insufficient.",
      F.captcha,
    ],
    safety: ["Do not report, vote on or write reviews.", S.readOnly],
  },
  {
    id: "fin-export-report",
    category: "Finance",
    title: "Export {report} from {site} to a Google Sheet",
    summary:
      "Pulls {report} from {site} for a date range, checks the totals against what the dashboard shows, and pastes clean rows into a Google Sheet.",
    combos: [
      { site: "stripe.com", site2: "docs.google.com", report: "last month's payouts" },
      { site: "stripe.com", site2: "docs.google.com", report: "failed payments" },
      { site: "paypal.com", site2: "docs.google.com", report: "the monthly transaction history" },
      { site: "quickbooks.intuit.com", site2: "docs.google.com", report: "the profit and loss report" },
      { site: "quickbooks.intuit.com", site2: "docs.google.com", report: "accounts receivable aging" },
      { site: "wise.com", site2: "docs.google.com", report: "multi-currency statements" },
    ],
    agents: ["Manus", "Browser Use", "Claude for Chrome", "Playwright MCP"],
    tags: ["reporting", "google-sheets", "bookkeeping"],
    creators: ["aisha-finance"],
    objective:
      "Export {report} from {site} for {{date_range}} into the Google Sheet {{sheet_url}}, with totals that match the figures shown in {site}.",
    prerequisites: [
      "Signed in to {site} with permission to view reports.",
      "Edit access to the destination Google Sheet.",
    ],
    inputs: [
      ["date_range", "Period to export, e.g. 2025-02-01 to 2025-02-28."],
      ["sheet_url", "Destination Google Sheet URL."],
      ["tab_name", "Sheet tab to write to (created if missing, after asking)."],
    ],
    steps: [
      ["Open the report", "In {site}, open the page that shows {report} and set the date range to {{date_range}}."],
      ["Note the totals", "Write down the totals and row count {site} displays, so you can verify the export."],
      [
        "Export or read the rows",
        "Use the built-in export to CSV if available; otherwise read the table page by page.",
      ],
      [
        "Paste into the sheet",
        "Open {{sheet_url}}, go to {{tab_name}}, and paste the rows below the header. Keep amounts as numbers and dates as dates.",
      ],
      [
        "Verify totals",
        "Add a SUM row and compare it with the totals from step 2. Investigate any difference before finishing.",
      ],
      ["Report", "Tell the user the row count, totals and any discrepancies."],
    ],
    failures: [
      F.login,
      "The export arrives by email instead of downloading: tell the user and wait for them to share the file.",
      "Totals differ because of currency conversion: report both figures and the currency.",
    ],
    safety: [S.readOnly, S.credentials, "Do not share the sheet with anyone new."],
  },
  {
    id: "fin-overdue-invoices",
    category: "Finance",
    title: "Draft reminders for invoices {age} overdue in {site}",
    summary:
      "Finds invoices {age} overdue in {site}, checks for partial payments and earlier reminders, and drafts polite, specific reminder emails for your approval.",
    sites: ["quickbooks.intuit.com", "stripe.com", "paypal.com"],
    vars: { age: ["more than 30 days", "more than 60 days"] },
    agents: ["Claude for Chrome", "Manus", "ChatGPT Atlas"],
    tags: ["invoices", "collections", "accounts-receivable"],
    creators: ["aisha-finance"],
    objective:
      "List every invoice in {site} that is {age} overdue and draft one reminder per customer for the user to approve and send.",
    prerequisites: ["Signed in to {site} with access to invoices."],
    inputs: [
      ["sender_name", "Name to sign reminders with."],
      ["tone", 'How firm to be, e.g. "friendly first reminder" or "final notice".'],
    ],
    steps: [
      [
        "Filter overdue invoices",
        "Open the invoices list in {site} and filter to overdue invoices, sorted by due date. Keep those {age} past due.",
      ],
      [
        "Check each invoice",
        "Open each invoice and note amount due, partial payments, due date and previous reminders in its activity history.",
      ],
      ["Group by customer", "Combine invoices for the same customer into one reminder."],
      [
        "Draft reminders",
        "Draft a reminder per customer in a {{tone}} tone: invoice numbers, amounts, original due dates, a payment link if {site} provides one, and a contact line signed by {{sender_name}}.",
      ],
      ["Review with the user", "Show all drafts and the list of invoices skipped (disputed, paid in part recently)."],
      [
        "Send only approved drafts",
        "Send approved reminders through {site}'s own reminder feature or hand them over for the user to send.",
      ],
    ],
    failures: [
      F.login,
      "An invoice is marked disputed: skip it and flag it.",
      "Customer email is missing: list the invoice for manual follow-up.",
    ],
    safety: [
      "Never void, delete, refund or edit invoice amounts.",
      "Do not send anything without approval.",
      S.privacy,
    ],
  },
  {
    id: "fin-watchlist",
    category: "Finance",
    title: "Snapshot key metrics for {sector} on Yahoo Finance",
    summary:
      "Builds a one-page snapshot of price, valuation and recent news for a watchlist of {sector}, straight from Yahoo Finance quote pages.",
    sites: ["finance.yahoo.com"],
    vars: {
      sector: [
        "semiconductor stocks",
        "dividend ETFs",
        "cloud software stocks",
        "airline stocks",
        "consumer staples stocks",
        "regional bank stocks",
      ],
    },
    agents: ["Perplexity Comet", "Gemini in Chrome", "ChatGPT Atlas", "Copilot Mode in Edge"],
    tags: ["investing", "watchlist", "markets"],
    creators: ["aisha-finance"],
    objective:
      "For each ticker in {{tickers}}, record price, day and year-to-date change, market cap, P/E (where meaningful), dividend yield and the top headline, then summarise the group.",
    prerequisites: ["No sign-in needed."],
    inputs: [["tickers", "Comma-separated list of {sector} tickers."]],
    steps: [
      [
        "Open each quote page",
        "Go to finance.yahoo.com/quote/<TICKER> for each ticker in {{tickers}}. Confirm the company or fund name matches.",
      ],
      [
        "Read the summary table",
        "Record last price, day change, market cap, P/E ratio (TTM), forward dividend and yield. For ETFs, record expense ratio instead of P/E.",
      ],
      ["Read the performance", "On the chart, select YTD and note the change."],
      ["Scan news", "Read the top two headlines on the page and note one sentence each with the source and date."],
      ["Summarise", "Return a table plus three observations about the group, clearly separated from the raw data."],
    ],
    failures: [
      "A consent or cookie wall blocks the page: accept only necessary cookies if that option exists, otherwise ask the user.",
      "A ticker is not found: check for a class suffix (BRK-B) or exchange suffix and report.",
      F.rateLimit,
    ],
    safety: [
      "This is information, not investment advice; say so in the output.",
      "Never log in to brokerage accounts or place trades.",
    ],
  },
  {
    id: "fin-receipts-match",
    category: "Finance",
    title: "Match {site} transactions from {period} with Gmail receipts",
    summary:
      "Lines up {site} transactions from {period} with receipt emails in Gmail, so every expense has a receipt before the books close.",
    sites: ["quickbooks.intuit.com", "paypal.com", "wise.com"],
    sites2: ["mail.google.com"],
    vars: { period: ["last month", "the last quarter"] },
    agents: ["Manus", "Claude for Chrome", "Browser Use"],
    tags: ["receipts", "expenses", "month-end"],
    creators: ["aisha-finance", "hana-pm"],
    objective:
      "For each outgoing {site} transaction in {period} above {{min_amount}}, find the matching receipt email in Gmail and report which transactions still lack a receipt.",
    prerequisites: ["Signed in to {site} and Gmail in the same browser."],
    inputs: [
      ["min_amount", "Only check transactions at or above this amount."],
      ["receipt_label", "Optional Gmail label where receipts are filed."],
    ],
    steps: [
      [
        "List transactions",
        "In {site}, filter outgoing transactions to {period} and amounts of at least {{min_amount}}. Record date, payee and amount.",
      ],
      [
        "Search Gmail",
        'For each transaction, search Gmail with the payee name and amount, e.g. `from:(vendor) "49.00"`, limited to a week either side of the date and to {{receipt_label}} if given.',
      ],
      ["Confirm the match", "Open the email and confirm the amount and date match. Note the email subject and date."],
      [
        "Attach or record",
        "If {site} supports attachments and the user agreed, attach the receipt; otherwise record the Gmail link next to the transaction.",
      ],
      ["Report gaps", "Return a table of matched and unmatched transactions, with unmatched ones sorted by amount."],
    ],
    failures: [
      F.login,
      "Several receipts could match: list them and ask.",
      "Receipts arrive as PDF links behind vendor logins: note the vendor and skip.",
    ],
    safety: ["Do not delete, archive or forward emails.", "Do not change categories or amounts in {site}.", S.privacy],
  },
];
