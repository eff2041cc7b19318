import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const shoppingFlows: SeedFlow[] = [
  defineFlow({
    title: "Watch an Amazon price and post to Slack when it drops",
    summary:
      "Checks an Amazon product page for the current price, seller and stock, compares it with your target and the last check, and posts a short alert to a Slack channel only when it is worth your attention.",
    category: "Shopping",
    agents: ["Manus", "Browser Use", "Perplexity Comet"],
    sites: ["amazon.com", "slack.com"],
    tags: ["price-tracking", "alerts", "deals"],
    isPremium: true,
    creatorHandle: "demo-creator",
    publishedDaysAgo: 35,
    objective:
      "Check the price of {{product_url}} on Amazon, decide whether it is at or below {{target_price}}, and if so post an alert in the Slack channel {{slack_channel}} with the price, seller and a link. Run it on a schedule or on demand.",
    prerequisites: [
      "Signed in to the Slack workspace in the same browser, with permission to post in {{slack_channel}}.",
      "An Amazon product page URL (amazon.com). Signing in to Amazon is optional but shows your delivery-location prices.",
    ],
    inputs: [
      ["product_url", "Amazon product page URL (the /dp/ASIN form is best)."],
      ["target_price", "Price in USD at or below which you want an alert, e.g. 249.99."],
      ["slack_channel", "Channel to post in, e.g. #deals or a DM to yourself."],
      ["last_price", "Optional: the price seen on the previous check, to report the change."],
    ],
    steps: [
      [
        "Open the product page",
        "Go to {{product_url}}. Confirm the product title matches what the user expects and that a buy box is shown on the right.",
      ],
      [
        "Read the real price",
        'Read the price in the buy box, not the struck-through list price. If there is a coupon checkbox ("Apply $20 coupon"), note the coupon amount separately and compute the effective price. Ignore Subscribe & Save prices unless the user asked for them.',
      ],
      [
        "Check seller and condition",
        'Read "Ships from" and "Sold by". If the seller is not Amazon or the brand, note the seller\'s name and rating. If the default offer is Used or Renewed, say so.',
      ],
      [
        "Check availability",
        "Note the stock message (In Stock, Only 3 left, Temporarily out of stock) and the delivery date shown for the current location.",
      ],
      [
        "Decide whether to alert",
        "Alert only if the effective price is at or below {{target_price}} and the item is in stock. If {{last_price}} is given, include the difference in dollars and percent.",
      ],
      [
        "Post to Slack",
        "Open Slack in a new tab, go to {{slack_channel}} and post one message: product title (shortened to 60 characters), effective price, target, seller, stock, and the product link. Do not mention anyone with @channel.",
      ],
      [
        "Report back",
        "Tell the user the price found, whether an alert was posted, and the exact text that was posted.",
      ],
    ],
    failures: [
      'Amazon shows a captcha ("Enter the characters you see"): stop and ask the user to solve it; do not retry repeatedly.',
      '"Currently unavailable" or no buy box: report that, post nothing, and suggest checking the "Other sellers" link manually.',
      "The price differs by region: mention the delivery location shown at the top-left of the page.",
      "Slack asks you to sign in or the channel is not found: report the price to the user directly instead.",
    ],
    safety: [
      "Never click Add to Cart, Buy Now or any one-click purchase button.",
      "Post only to {{slack_channel}}; never DM other people or use @here/@channel.",
      "Do not include order history, addresses or account details in the Slack message.",
    ],
  }),
  defineFlow({
    title: "Compare a product's total cost at Best Buy and Walmart",
    summary:
      "Finds the same model at Best Buy and Walmart, checks it is really the same item, and compares total cost including shipping, pickup options and return windows.",
    category: "Shopping",
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    sites: ["bestbuy.com", "walmart.com"],
    tags: ["price-comparison", "electronics"],
    isPremium: false,
    creatorHandle: "lena-sells",
    publishedDaysAgo: 150,
    objective:
      "Determine where {{product}} is cheaper in total for delivery to {{zip_code}}: Best Buy or Walmart, including shipping, store pickup availability and return policy, and present a clear recommendation.",
    prerequisites: ["No account needed. A model number gives far better matches than a product name."],
    inputs: [
      ["product", "Product name and, ideally, the exact model number, e.g. Sony WH-1000XM5 (WH1000XM5/B)."],
      ["zip_code", "ZIP code used for shipping and store availability."],
    ],
    steps: [
      [
        "Search Best Buy",
        "On bestbuy.com, search for the model number. Open the matching result and confirm the model number in the Specifications section. Set the store/ZIP to {{zip_code}} if prompted.",
      ],
      [
        "Record Best Buy details",
        "Write down the price, any open-box option (as a separate line), shipping cost and date, pickup availability, and the return window shown near the price.",
      ],
      [
        "Search Walmart",
        "On walmart.com, search the same model number. Prefer listings sold and shipped by Walmart.com; for marketplace sellers, record the seller name.",
      ],
      [
        "Verify it is the same item",
        "Compare model number, colour, storage size or bundle contents. Do not compare a bundle against a bare unit; if only a different variant exists, say so.",
      ],
      [
        "Compute total cost",
        "For each store: item price + shipping (0 if free) + any mandatory fees. Ignore membership-only prices unless the user has the membership.",
      ],
      [
        "Recommend",
        "Present a small table (store, price, shipping, total, delivery/pickup, returns, seller) and a one-sentence recommendation. Mention if the difference is under $5, since the return policy may matter more.",
      ],
    ],
    failures: [
      'Walmart shows a "press and hold" robot check: ask the user to complete it, then continue.',
      "No exact model match at one store: report the closest match and clearly label it as different.",
      'Prices say "see price in cart": do not add to cart; report the price as hidden.',
    ],
    safety: [
      "Do not sign in, add to cart or check out; this flow only compares.",
      "Do not enter the user's address; the ZIP code is enough.",
    ],
  }),
  defineFlow({
    title: "Vet an eBay seller and listing before you bid",
    summary:
      "Reads an eBay listing like a cautious buyer: item specifics, photos, seller feedback, return policy and sold prices for the same item, then gives a bid ceiling and a list of red flags.",
    category: "Shopping",
    agents: ["Claude for Chrome", "ChatGPT Atlas"],
    sites: ["ebay.com"],
    tags: ["auctions", "used", "fraud-check"],
    isPremium: true,
    creatorHandle: "lena-sells",
    publishedDaysAgo: 77,
    objective:
      "Assess whether the eBay listing {{listing_url}} is trustworthy and fairly priced, and recommend a maximum bid or buy decision based on recent sold prices for the same item.",
    prerequisites: ["No sign-in needed to read listings; signing in is only needed to see some sold-price details."],
    inputs: [
      ["listing_url", "URL of the eBay listing."],
      ["budget", "The most the user would ever pay, including shipping."],
    ],
    steps: [
      [
        "Read the listing",
        "Open {{listing_url}}. Record title, condition, item specifics (model, capacity, colour), price or current bid, shipping cost, time left and item location.",
      ],
      [
        "Read the description",
        'Open the full description. Note defects, missing accessories, "for parts" wording, and any statement that contradicts the condition field.',
      ],
      [
        "Check the seller",
        "Click the seller's name. Record feedback score, positive percentage, account age and recent negative feedback; open the last 10 negatives and note recurring themes.",
      ],
      [
        "Check returns and protection",
        "Record the return policy (days, who pays return shipping). Note whether the listing shows eBay Money Back Guarantee.",
      ],
      [
        "Look up sold prices",
        "Search eBay for the model and enable the **Sold items** filter. Take the last 10 sales in the same condition and compute the median total price (item plus shipping).",
      ],
      [
        "List red flags",
        "Flag: stock photos only, brand-new account with high-value item, off-platform contact requests, price far below median, mismatched item specifics, or location different from shipping origin.",
      ],
      [
        "Recommend",
        "Give a verdict (bid / buy / skip), a maximum total price no higher than {{budget}} and the median sold price, and the red flags with evidence.",
      ],
    ],
    failures: [
      "Sold filter not visible: use the Filter button on mobile layout or add `&LH_Sold=1&LH_Complete=1` to the search URL.",
      "Listing ended or removed: say so and still report sold-price context.",
      "Fewer than five comparable sales: state that the price estimate is weak.",
    ],
    safety: [
      "Never place a bid, make an offer or click Buy It Now.",
      "Never contact the seller or follow links to pay outside eBay.",
    ],
  }),
  defineFlow({
    title: "Refill your usual Target order within a spending cap",
    summary:
      "Rebuilds a household restock cart on Target from a short list, picks the best-value size for each item, respects a hard spending cap and stops at the review page for you to check out.",
    category: "Shopping",
    agents: ["Opera Neon", "ChatGPT Atlas", "Gemini in Chrome"],
    sites: ["target.com"],
    tags: ["groceries", "household", "budget"],
    isPremium: true,
    creatorHandle: "lena-sells",
    publishedDaysAgo: 23,
    objective:
      "Add the items on {{shopping_list}} to the Target cart using past purchases where possible, choose sensible sizes by unit price, keep the subtotal under {{cap}}, and stop at the cart for the user to review.",
    prerequisites: [
      "Signed in to target.com with a preferred store or delivery address already set.",
      "The cart is empty or the user is fine with the flow adding to existing items.",
    ],
    inputs: [
      ["shopping_list", 'One item per line, with quantity, e.g. "2 x paper towels".'],
      ["cap", "Maximum cart subtotal in USD before tax."],
      ["fulfilment", "Pickup, Same Day Delivery or Shipping."],
    ],
    steps: [
      [
        "Check buy-again items",
        "Open Account > Purchases (or the Buy it again page). For each list item, look for a past purchase and prefer it, since it reflects the household's brand choice.",
      ],
      [
        "Search remaining items",
        "For items without a past purchase, search Target and filter by {{fulfilment}} availability at the selected store.",
      ],
      [
        "Compare unit prices",
        "Use the unit price shown under the price (per ounce, per count). Pick the lowest unit price among sizes the household can store, and note any Target Circle offer that needs to be clipped.",
      ],
      [
        "Add to cart with the right fulfilment",
        "Choose {{fulfilment}} on each product before Add to cart, set the quantity, and keep a running subtotal.",
      ],
      [
        "Enforce the cap",
        "If the subtotal would exceed {{cap}}, stop adding, and propose which items to drop or downsize, cheapest impact first.",
      ],
      [
        "Stop at the cart",
        "Open the cart, confirm every line's quantity and fulfilment method, and give the user a list: item, size, unit price, line total, and items not found.",
      ],
    ],
    failures: [
      "An item is out of stock for the chosen fulfilment: offer the nearest substitute with its unit price, but do not add it without approval.",
      "Target asks you to sign in again: stop and ask the user.",
      "Prices change between product page and cart: report the cart price as the truth.",
    ],
    safety: [
      "Never click Check out, Place order or enter payment details.",
      "Never change the saved address or payment methods.",
      "Do not exceed {{cap}}; ask before any substitution.",
    ],
  }),
  defineFlow({
    title: "Start an Amazon return for a damaged or wrong item",
    summary:
      "Finds the order, picks the accurate return reason, compares refund and drop-off options and stops before the final confirmation so you choose how to send it back.",
    category: "Shopping",
    agents: ["Claude for Chrome", "Perplexity Comet", "Copilot Mode in Edge"],
    sites: ["amazon.com"],
    tags: ["returns", "refunds", "orders"],
    isPremium: true,
    creatorHandle: "tomas-support",
    publishedDaysAgo: 260,
    objective:
      "Prepare an Amazon return for {{item_description}} from a recent order, choosing the return reason that matches what happened, and present the refund and drop-off options for the user to confirm.",
    prerequisites: [
      "Signed in to the Amazon account that placed the order.",
      "The item is still within its return window (usually 30 days from delivery, shown on the order).",
    ],
    inputs: [
      ["item_description", 'What to return, e.g. "the blue kettle ordered last week".'],
      ["what_happened", "Short description: arrived damaged, wrong item, not as described, no longer needed."],
    ],
    steps: [
      [
        "Find the order",
        "Open Returns & Orders. Search for keywords from {{item_description}} and open the matching order. If several match, list them and ask which one.",
      ],
      [
        "Check eligibility",
        'Read the "Return or replace items" button and the "Eligible through" date. If it says "Return window closed", stop and report.',
      ],
      [
        "Choose the reason",
        'Click Return or replace items, select the item, and pick the reason that truthfully matches {{what_happened}}. Add a one-sentence comment with the facts (e.g. "lid cracked on arrival").',
      ],
      [
        "Compare resolution options",
        "Note refund vs replacement, refund method (original payment or gift card balance) and whether a return shipping fee applies for this reason.",
      ],
      [
        "Compare drop-off options",
        "List each drop-off option with location, cost and whether a box or label is needed (e.g. UPS Store with QR code, Whole Foods, Kohl's).",
      ],
      [
        "Stop before confirming",
        "Stay on the final review page. Tell the user the reason chosen, refund amount, method, any fees and the drop-off options, and ask which to choose before clicking the final button.",
      ],
    ],
    failures: [
      'Item marked "non-returnable" (some groceries, digital goods): report and suggest contacting the seller from the order page.',
      "Third-party seller return requires approval: say so; the request goes to the seller, not Amazon.",
      "Amazon asks for a one-time password: let the user enter it.",
    ],
    safety: [
      "Never pick a return reason that misrepresents what happened; some reasons shift shipping costs to the seller.",
      "Do not confirm the return, change payment methods or cancel other orders without explicit approval.",
      "Do not share order details outside this conversation.",
    ],
  }),
];
