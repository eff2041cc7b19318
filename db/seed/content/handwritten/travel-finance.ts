import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const travelFinanceFlows: SeedFlow[] = [
  defineFlow({
    title: "Shortlist Airbnb stays that meet a group's must-haves",
    summary:
      "Searches Airbnb with the right filters, reads each listing's beds, house rules and cancellation policy, and returns a shortlist with true total prices per person.",
    category: "Travel",
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Opera Neon"],
    sites: ["airbnb.com"],
    tags: ["group-travel", "accommodation", "comparison"],
    isPremium: false,
    creatorHandle: "noah-travels",
    publishedDaysAgo: 130,
    objective:
      "Find up to five Airbnb listings in {{destination}} for {{dates}} that sleep {{guests}} people in real beds and meet {{must_haves}}, and compare them by total price per person and cancellation terms.",
    prerequisites: [
      "No sign-in needed to search. Prices with all fees are shown when the total-price display setting is on.",
    ],
    inputs: [
      ["destination", "City or area, e.g. Lisbon, Alfama."],
      ["dates", "Check-in and check-out dates."],
      ["guests", "Number of adults (and children if any)."],
      ["must_haves", 'Non-negotiables, e.g. "3 bedrooms, washer, no stairs, under $250/night".'],
    ],
    steps: [
      [
        "Run the search",
        'On airbnb.com, enter {{destination}}, {{dates}} and {{guests}}. Turn on "Display total price" in the filter bar so prices include fees before taxes.',
      ],
      [
        "Apply filters",
        "Open Filters and set the type of place (entire home), bedrooms and beds, amenities from {{must_haves}}, and a price maximum if one was given.",
      ],
      [
        "Read each candidate",
        "Open the top 10 results. Check the sleeping arrangements section for real beds (count sofa beds separately), house rules, check-in method, and reviews mentioning noise or cleanliness.",
      ],
      [
        "Check the cancellation policy",
        "Read the cancellation section for the chosen dates: note until when a full refund is possible.",
      ],
      [
        "Compute per-person cost",
        "Take the total for the stay from the booking panel (including cleaning and service fees) and divide by {{guests}}.",
      ],
      [
        "Return the shortlist",
        "Give up to five listings in a table: name, link, beds, total, per person, rating and review count, free-cancellation deadline, and any must-have that is only partly met.",
      ],
    ],
    failures: [
      'Results change when scrolling the map: disable "Search as I move the map".',
      "A listing hides the address: that is normal; use the neighbourhood description instead.",
      "Fewer than three listings meet everything: relax one must-have (tell the user which) and label those results.",
    ],
    safety: [
      "Never click Reserve or Request to book, and never message hosts.",
      "Do not enter payment details or sign in on the user's behalf.",
    ],
  }),
  defineFlow({
    title: "Compare Booking.com hotel prices with their cancellation rules",
    summary:
      "Finds hotels near a specific address on Booking.com and compares the refundable and non-refundable rates side by side, so you know what flexibility really costs.",
    category: "Travel",
    agents: ["Perplexity Comet", "Gemini in Chrome"],
    sites: ["booking.com"],
    tags: ["hotels", "cancellation", "business-travel"],
    isPremium: true,
    creatorHandle: "noah-travels",
    publishedDaysAgo: 84,
    objective:
      "List the best hotel options within {{max_distance}} of {{address}} for {{dates}}, comparing each hotel's cheapest refundable and cheapest non-refundable rate, including taxes and fees.",
    prerequisites: [
      "No account needed. Signed-in Genius members see discounted prices; mention if the user is signed in.",
    ],
    inputs: [
      ["address", "Where the traveller needs to be, e.g. a conference venue."],
      ["dates", "Check-in and check-out dates."],
      ["max_distance", "Maximum walking distance or km from the address."],
      ["budget", "Maximum per night including taxes."],
    ],
    steps: [
      [
        "Search near the address",
        "Enter {{address}} as the destination (not just the city) and {{dates}}, 1 room, the right number of adults. Sort by Distance from the address.",
      ],
      [
        "Filter sensibly",
        "Filter review score 8+ and set the price range up to {{budget}}. Note how many properties remain.",
      ],
      [
        "Open each hotel",
        'For the nearest 8 hotels within {{max_distance}}, open the availability table and find the cheapest room with "Free cancellation before <date>" and the cheapest non-refundable room.',
      ],
      [
        "Read the small print",
        "Note whether taxes and city tax are included, breakfast inclusion, and the exact free-cancellation deadline.",
      ],
      [
        "Compare",
        "Return a table: hotel, distance, score, refundable total, non-refundable total, difference, cancellation deadline, breakfast. Recommend one option for certainty and one for price.",
      ],
    ],
    failures: [
      'Prices shown "per night" vs "total": always convert to the total for the stay and state the basis.',
      "A pop-up asks for sign-in: close it; it is not needed to see prices.",
      "Sold out for the dates: skip the hotel and mention it.",
    ],
    safety: [
      "Never click Reserve or I'll reserve; comparison only.",
      "Do not enter guest names, emails or card details.",
    ],
  }),
  defineFlow({
    title: "Check in for a United flight and save the boarding pass",
    summary:
      "Opens the trip on united.com when check-in opens, confirms the traveller details, declines paid extras, completes check-in and saves the boarding pass as a PDF.",
    category: "Travel",
    agents: ["Claude for Chrome", "Copilot Mode in Edge"],
    sites: ["united.com"],
    tags: ["flights", "check-in", "airlines"],
    isPremium: true,
    creatorHandle: "noah-travels",
    publishedDaysAgo: 203,
    objective:
      "Complete online check-in for confirmation {{confirmation_number}} (last name {{last_name}}) on united.com, without buying extras, and save the boarding pass for each traveller.",
    prerequisites: [
      "Check-in is open (24 hours before departure for most United flights).",
      "Passport details are already on the reservation for international flights, or the user is ready to enter them.",
    ],
    inputs: [
      ["confirmation_number", "Six-character United confirmation number."],
      ["last_name", "Last name of a traveller on the reservation."],
      ["bags", "Number of checked bags per traveller (0 if none)."],
    ],
    steps: [
      [
        "Open check-in",
        "Go to united.com, choose Check-in, enter {{confirmation_number}} and {{last_name}}. Confirm the flight number, date and route shown match what the user expects.",
      ],
      [
        "Confirm travellers",
        "Select the travellers to check in. Verify names match passports; if anything differs, stop and ask.",
      ],
      [
        "Answer the required questions",
        "Answer the hazardous materials and travel document questions truthfully; if the page asks for information you do not have, ask the user.",
      ],
      [
        "Decline upsells",
        "Decline seat upgrades, Economy Plus, Premier Access and travel insurance offers unless the user asked for them. Read each button carefully; the decline option is often a text link.",
      ],
      [
        "Declare bags",
        "Enter {{bags}} checked bags per traveller. Report the bag fee shown; do not pay it online unless the user confirms.",
      ],
      [
        "Save the boarding pass",
        "On the confirmation page, choose to view boarding passes and save each as PDF, or add to the wallet if the user prefers. Report seat, boarding group and gate if shown.",
      ],
    ],
    failures: [
      '"Check-in is not available online": usually document verification is needed at the airport; report the exact message.',
      "Seat not assigned: report it; United assigns at the gate. Do not buy a seat without approval.",
      "A captcha or one-time code appears: ask the user to handle it.",
    ],
    safety: [
      "Never purchase upgrades, bags, seats or insurance without explicit confirmation of the amount.",
      "Do not change or cancel flights.",
      "Keep passport numbers and dates of birth out of the chat summary.",
    ],
  }),
  defineFlow({
    title: "Reconcile Stripe payouts against QuickBooks bank deposits",
    summary:
      "Matches every Stripe payout in a month to a deposit in QuickBooks Online, explains fees and refunds in each payout, and lists unmatched items for your bookkeeper to resolve.",
    category: "Finance",
    agents: ["Manus", "Claude for Chrome", "Browser Use"],
    sites: ["stripe.com", "quickbooks.intuit.com"],
    tags: ["bookkeeping", "reconciliation", "month-end"],
    isPremium: true,
    creatorHandle: "aisha-finance",
    publishedDaysAgo: 110,
    objective:
      "For {{month}}, match each Stripe payout to the corresponding bank deposit recorded in QuickBooks Online, break down gross sales, fees and refunds per payout, and list anything that does not match.",
    prerequisites: [
      "Read access to the Stripe Dashboard (Payouts and Balance reports).",
      "QuickBooks Online access with the bank feed for the Stripe payout account.",
    ],
    inputs: [
      ["month", "Month to reconcile, e.g. 2025-02."],
      ["bank_account", "Name of the bank account in QuickBooks that receives Stripe payouts."],
    ],
    steps: [
      [
        "List Stripe payouts",
        "In the Stripe Dashboard, go to Balances > Payouts and filter by arrival date within {{month}}. Record payout ID, amount, arrival date and status.",
      ],
      [
        "Break down each payout",
        "Open each payout and read its transaction summary: charges, refunds, Stripe fees, disputes and adjustments. Record the totals.",
      ],
      [
        "List QuickBooks deposits",
        "In QuickBooks, open Banking (or Transactions > Bank transactions) for {{bank_account}} and list deposits from Stripe in {{month}} plus the first five days of the next month.",
      ],
      [
        "Match",
        "Match payout to deposit by exact amount and an arrival date within two business days. Mark each pair as matched, categorised or still in For review.",
      ],
      [
        "Investigate mismatches",
        "For unmatched items, check for payouts split across days, failed payouts that were retried, and deposits recorded gross instead of net of fees.",
      ],
      [
        "Report",
        "Give a table with payout ID, amount, deposit date, QuickBooks status, and the gross/fees/refunds breakdown, then a list of open issues with suggested journal entries for the bookkeeper to review.",
      ],
    ],
    failures: [
      "Stripe account uses multiple currencies: reconcile each currency separately and say so.",
      "QuickBooks session times out: sign-in is needed; stop and ask the user.",
      "A payout is still in transit: mark it pending rather than unmatched.",
    ],
    safety: [
      "Do not accept, match, categorise or exclude bank transactions in QuickBooks; only report.",
      "Never initiate payouts, refunds or change Stripe settings.",
      "Keep customer names and card details out of the report; use transaction IDs.",
    ],
  }),
  defineFlow({
    title: "Pull a company's latest 10-K risk factors from SEC EDGAR",
    summary:
      "Finds a company's most recent annual report on EDGAR, extracts the Item 1A risk factors, and highlights what is new compared with the previous year's filing.",
    category: "Finance",
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Manus"],
    sites: ["sec.gov"],
    tags: ["investing", "filings", "due-diligence"],
    isPremium: false,
    creatorHandle: "aisha-finance",
    publishedDaysAgo: 340,
    objective:
      "Retrieve the risk factors (Item 1A) from {{company}}'s latest Form 10-K on SEC EDGAR, summarise them by theme, and flag risks that are new or materially changed versus the prior year's 10-K.",
    prerequisites: [
      "No account needed. EDGAR asks automated tools to keep requests modest; this flow opens only a handful of pages.",
    ],
    inputs: [["company", "Company name or ticker, e.g. Costco or COST."]],
    steps: [
      [
        "Find the company",
        "Open https://www.sec.gov/edgar/search/ and search {{company}}. Open the company's filing page and filter Filing type = 10-K.",
      ],
      [
        "Open the latest 10-K",
        "Open the most recent 10-K (not 10-K/A unless it replaces the full report) and open the main document. Note the fiscal year end and filing date.",
      ],
      [
        "Extract Item 1A",
        "Use the table of contents to jump to Item 1A. Risk Factors. Read the bold risk headings and record each heading with a one-sentence summary.",
      ],
      ["Open the prior year", "Open the previous 10-K and record its Item 1A headings the same way."],
      [
        "Compare",
        "Match headings between years. Mark a risk as new if no similar heading exists last year, and as changed if the heading or first paragraph differs materially (e.g. new numbers, new regulation named).",
      ],
      [
        "Summarise",
        'Return themes (operations, regulatory, financial, market, technology, other) with bullets, then a "New or changed this year" section with quotes and links to both filings.',
      ],
    ],
    failures: [
      "The company files 20-F or 40-F (foreign issuers): use that annual report and its Item 3.D Risk Factors instead.",
      "EDGAR full-text search is slow or returns a 403: wait a minute; it throttles rapid requests.",
      'Item 1A says "not applicable" (smaller reporting companies): report that.',
    ],
    safety: [
      "This is a reading aid, not investment advice; say so in the output.",
      "Quote the filing accurately and link to it; do not paraphrase numbers loosely.",
    ],
  }),
];
