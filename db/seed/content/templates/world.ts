import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

export const worldTemplates: FlowTemplate[] = [
  {
    id: "travel-cheap-dates",
    category: "Travel",
    title: "Find the cheapest dates to fly {route} on {site}",
    summary:
      "Uses {site}'s flexible-date views to find the cheapest departure and return dates for {route}, then checks the real fare with bags for the best options.",
    sites: ["kayak.com", "expedia.com"],
    vars: {
      route: [
        "New York to Lisbon",
        "San Francisco to Tokyo",
        "Chicago to Cancún",
        "Seattle to Honolulu",
        "Boston to Reykjavik",
        "Denver to Mexico City",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Opera Neon", "Gemini in Chrome"],
    tags: ["flights", "flexible-dates", "budget-travel"],
    creators: ["noah-travels"],
    objective:
      "Find the three cheapest date combinations for a {{trip_length}} trip {route} within {{month}} on {site}, including the cost of {{bags}} checked bags.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["month", "Month or date window to search."],
      ["trip_length", "Trip length in nights, e.g. 7-9."],
      ["bags", "Checked bags per traveller."],
      ["travellers", "Number of adults."],
    ],
    steps: [
      [
        "Search flexibly",
        "On {site}, search round trip {route} for {{travellers}} adults and open the flexible dates, price calendar or date grid view for {{month}}.",
      ],
      ["Scan the grid", "Note the cheapest departure and return combinations that give {{trip_length}} nights."],
      [
        "Open the top options",
        "Open the three cheapest combinations and read the actual itineraries: stops, layover times, airlines and fare class (basic economy or not).",
      ],
      [
        "Add bag costs",
        "Use the fare details or baggage fee filter to add {{bags}} checked bags and recompute the total.",
      ],
      [
        "Compare",
        "Return a table: dates, airline, stops, total with bags, and caveats such as overnight layovers or basic economy seat rules.",
      ],
    ],
    failures: [
      "Prices change between the grid and the itinerary: report the itinerary price.",
      F.captcha,
      "A fare links to an unfamiliar booking site: note it and prefer airline-direct options.",
    ],
    safety: ["Do not book, hold fares or enter traveller details.", S.payments],
  },
  {
    id: "travel-itinerary",
    category: "Travel",
    title: "Plan a two-day itinerary for {city} using Tripadvisor",
    summary:
      "Builds a realistic two-day plan for {city} from Tripadvisor's top-rated sights and restaurants, grouped by neighbourhood so you are not crossing town all day.",
    sites: ["tripadvisor.com"],
    sites2: ["docs.google.com"],
    vars: { city: ["Kyoto", "Mexico City", "Lisbon", "Chicago", "Cape Town", "Edinburgh"] },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome", "Dia"],
    tags: ["itinerary", "city-break", "sightseeing"],
    creators: ["noah-travels"],
    objective:
      "Write a two-day itinerary for {city} that fits {{interests}} and {{pace}}, using Tripadvisor ratings and opening hours, and save it to a Google Doc.",
    prerequisites: ["Signed in to Google Docs if you want the itinerary saved there."],
    inputs: [
      ["interests", "What the travellers enjoy, e.g. food markets, architecture, hiking."],
      ["pace", "Relaxed, moderate or packed."],
      ["dates", "Travel dates, to check opening days."],
    ],
    steps: [
      [
        "Collect candidates",
        "On Tripadvisor, open Things to Do in {city} and the Restaurants list. Note 15 attractions and 8 restaurants that match {{interests}}, with rating and review count.",
      ],
      [
        "Check practical details",
        "For each, read opening hours for {{dates}}, typical visit length and whether booking ahead is recommended.",
      ],
      ["Group by area", "Group places by neighbourhood and plan each half-day inside one area."],
      [
        "Build the days",
        "Build Day 1 and Day 2 with times, matching {{pace}}, and put a restaurant near each lunch and dinner stop.",
      ],
      [
        "Save the plan",
        "Create a Google Doc titled `{city} - two-day plan` with the schedule, links and booking notes.",
      ],
    ],
    failures: ["An attraction is closed on your dates: swap in the next best nearby option and say so.", F.captcha],
    safety: ["Do not make reservations or buy tickets.", "Do not share the document publicly."],
  },
  {
    id: "travel-compare-stays",
    category: "Travel",
    title: "Compare {site} and {site2} prices for a {trip}",
    summary:
      "Searches {site} and {site2} for the same dates and guests for a {trip}, and compares total price, cancellation terms and location side by side.",
    combos: [
      { site: "booking.com", site2: "expedia.com", trip: "family weekend in Orlando" },
      { site: "airbnb.com", site2: "booking.com", trip: "week in Barcelona" },
      { site: "expedia.com", site2: "airbnb.com", trip: "ski trip to Park City" },
      { site: "booking.com", site2: "airbnb.com", trip: "conference stay in Austin" },
      { site: "expedia.com", site2: "booking.com", trip: "honeymoon in Maui" },
      { site: "airbnb.com", site2: "expedia.com", trip: "long weekend in Montreal" },
    ],
    agents: ["Perplexity Comet", "Opera Neon", "ChatGPT Atlas"],
    tags: ["accommodation", "price-comparison"],
    creators: ["noah-travels"],
    objective:
      "Find the best-value stay for a {trip} ({{dates}}, {{guests}} guests, budget {{budget}}) by comparing equivalent options on {site} and {site2}.",
    prerequisites: ["No sign-in needed; member-only prices are noted separately."],
    inputs: [
      ["dates", "Check-in and check-out dates."],
      ["guests", "Number of guests and rooms or bedrooms needed."],
      ["budget", "Maximum total for the stay."],
      ["area", "Preferred area or an address to be near."],
    ],
    steps: [
      [
        "Search {site}",
        "Search {site} for {{area}}, {{dates}} and {{guests}}, filter to the budget, and shortlist five options with total price including fees.",
      ],
      ["Search {site2}", "Run the same search on {site2} and shortlist five options."],
      [
        "Look for the same property",
        "If a property appears on both sites, compare the totals and cancellation terms directly.",
      ],
      [
        "Compare like for like",
        "For the rest, compare by total price, distance to {{area}}, rating and free-cancellation deadline.",
      ],
      [
        "Recommend",
        "Return a table of the best three across both sites and a recommendation, noting any prices that need a membership.",
      ],
    ],
    failures: [
      'Totals exclude taxes on one site: add them or mark the row as "before tax".',
      F.captcha,
      "Very few results on one site: widen the area slightly and say so.",
    ],
    safety: ["Do not reserve, request to book or message hosts.", S.payments],
  },
  {
    id: "research-pubmed",
    category: "Research",
    title: "Summarize the evidence on {topic} from PubMed",
    summary:
      "Searches PubMed for reviews and trials on {topic}, reads the abstracts, and summarises what the evidence says, how strong it is and where it is thin.",
    sites: ["pubmed.ncbi.nlm.nih.gov"],
    vars: {
      topic: [
        "intermittent fasting and blood pressure",
        "vitamin D and respiratory infections",
        "blue light exposure and sleep",
        "creatine and cognition",
        "standing desks and back pain",
        "mindfulness apps and anxiety",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Claude for Chrome"],
    tags: ["evidence-review", "health", "literature-review"],
    creators: ["dr-okafor"],
    objective:
      "Summarise the published evidence on {topic} from systematic reviews, meta-analyses and randomised trials on PubMed from the last {{years}} years, with the strength of evidence stated plainly.",
    prerequisites: ["No account needed."],
    inputs: [
      ["years", "How many years back to search (suggested 10)."],
      ["population", "Optional population of interest, e.g. adults over 60."],
    ],
    steps: [
      [
        "Search",
        "Search PubMed for the key terms of {topic} (and {{population}} if given) and apply the filters Systematic Review, Meta-Analysis and Randomized Controlled Trial for the last {{years}} years.",
      ],
      [
        "Screen titles",
        "Screen the results and keep studies that directly address {topic}. Note how many were screened and kept.",
      ],
      [
        "Read abstracts",
        "For each kept study, record design, number of participants, main outcome and result with effect sizes if given.",
      ],
      [
        "Weigh the evidence",
        "Give more weight to recent meta-analyses; note conflicting results and small or short studies.",
      ],
      [
        "Summarise",
        "Write a summary with: bottom line, strength of evidence (strong / moderate / weak / insufficient), key studies with PMIDs and links, and gaps.",
      ],
    ],
    failures: [
      "Too many results: add a MeSH term or restrict to titles.",
      "Only a handful of studies: say the evidence is limited rather than stretching it.",
    ],
    safety: [
      "This is a literature summary, not medical advice; say so at the top.",
      "Never invent studies, numbers or PMIDs; cite only what you opened.",
    ],
  },
  {
    id: "research-factcheck",
    category: "Research",
    title: "Fact-check {claim} with Wikipedia's cited sources",
    summary:
      "Uses Wikipedia as a map rather than a source: finds the relevant article, follows its citations to the originals, and reports whether {claim} holds up.",
    sites: ["wikipedia.org"],
    vars: {
      claim: [
        "a historical date",
        "a statistic in a news article",
        "a quote attributed to a public figure",
        "a company's founding story",
        "a scientific claim",
        "a sports record",
      ],
    },
    agents: ["Perplexity Comet", "Claude for Chrome", "Gemini in Chrome", "Dia"],
    tags: ["fact-checking", "sources", "citations"],
    creators: ["dr-okafor", "mei-data"],
    objective:
      "Verify {{claim_text}} by locating the relevant Wikipedia passage, checking the cited primary or reliable secondary sources, and reporting a verdict with evidence.",
    prerequisites: ["No account needed."],
    inputs: [["claim_text", "The exact claim to check, with where you saw it."]],
    steps: [
      [
        "Find the article",
        "Search Wikipedia for the subject of {{claim_text}} and open the most relevant article and section.",
      ],
      ["Locate the passage", "Find the sentence that covers the claim and note the footnote numbers attached to it."],
      [
        "Follow citations",
        "Open each cited source. Check that it actually says what the article says, and note the publication and date.",
      ],
      ["Check the history", "Open View history or the Talk page if the passage looks disputed or recently changed."],
      [
        "Give a verdict",
        "Return True / Partly true / False / Unverified, with quotes from the sources, links, and what would settle remaining doubt.",
      ],
    ],
    failures: [
      "Citation link is dead: try the archived copy link next to it.",
      "No citation for the passage: mark it unverified by Wikipedia and look for one reliable source elsewhere.",
    ],
    safety: ["Do not edit Wikipedia.", "Quote sources exactly; do not treat Wikipedia itself as the final source."],
  },
  {
    id: "research-competitor",
    category: "Research",
    title: "Build a competitor profile from {site} and {site2}",
    summary:
      "Combines what {site} and {site2} publicly show about a competitor into one profile: funding, size, products, positioning and recent moves.",
    combos: [
      { site: "crunchbase.com", site2: "linkedin.com" },
      { site: "crunchbase.com", site2: "producthunt.com" },
      { site: "crunchbase.com", site2: "sec.gov" },
      { site: "wikipedia.org", site2: "sec.gov" },
      { site: "linkedin.com", site2: "glassdoor.com" },
      { site: "crunchbase.com", site2: "github.com" },
    ],
    agents: ["Perplexity Comet", "Manus", "ChatGPT Atlas"],
    tags: ["competitive-intelligence", "market-research"],
    creators: ["growth-jules", "mei-data", "ben-sdr"],
    objective:
      "Write a factual one-page profile of {{competitor}} using public information on {site} and {site2}, clearly separating facts from interpretation.",
    prerequisites: ["Free accounts on {site} and {site2} may show more detail."],
    inputs: [
      ["competitor", "Competitor name and website."],
      ["focus", "What you care about most, e.g. pricing, hiring, product direction."],
    ],
    steps: [
      [
        "Gather {site} facts",
        "Open the {{competitor}} page on {site} and record founding year, headquarters, size indicators, funding or filings, and key people where shown.",
      ],
      [
        "Gather {site2} facts",
        "Open the relevant {site2} pages and record what they add: products, launches, hiring, filings or open-source activity.",
      ],
      ["Date everything", "Note the date of each fact; stale figures are flagged."],
      [
        "Interpret",
        "Write three observations about {{focus}}, each tied to facts above and labelled as interpretation.",
      ],
      ["Deliver", "Return the profile: Snapshot, Timeline, Products, People and hiring, Observations, Sources."],
    ],
    failures: ["Paywalled fields: note them as unavailable instead of estimating.", F.login, F.rateLimit],
    safety: ["Use public information only; do not create fake accounts or contact employees.", S.readOnly],
  },
  {
    id: "gov-sam-opps",
    category: "Government & legal",
    title: "Find open federal contract opportunities for {service} on SAM.gov",
    summary:
      "Searches SAM.gov contract opportunities for {service}, filters by set-aside and deadline, and summarises the solicitations worth a closer look.",
    sites: ["sam.gov"],
    vars: {
      service: [
        "IT support services",
        "janitorial services",
        "translation services",
        "construction management",
        "data analytics",
        "training and curriculum development",
      ],
    },
    agents: ["Browser Use", "Manus", "Perplexity Comet"],
    tags: ["government-contracts", "rfp", "small-business"],
    creators: ["sofia-paralegal", "mei-data"],
    objective:
      "List active SAM.gov contract opportunities for {service} matching {{naics}} and {{set_aside}}, due after {{earliest_due}}, with a short summary of each.",
    prerequisites: ["No account needed to search; a SAM.gov account lets you save searches."],
    inputs: [
      ["naics", "NAICS code(s) for your service."],
      ["set_aside", "Set-aside types you qualify for, e.g. Total Small Business, 8(a), WOSB."],
      ["earliest_due", "Ignore opportunities due before this date."],
      ["place", "Place of performance, state or nationwide."],
    ],
    steps: [
      [
        "Search opportunities",
        "On SAM.gov, go to Contract Opportunities and search {service} keywords. Filter by {{naics}}, {{set_aside}}, active notices and {{place}}.",
      ],
      ["Sort by deadline", "Sort by response date and drop anything due before {{earliest_due}}."],
      [
        "Read each notice",
        "Open each notice and record notice type (solicitation, sources sought, presolicitation), agency, response deadline, set-aside and the attachments list.",
      ],
      [
        "Summarise scope",
        "Read the description or statement of work attachment and write two sentences on the scope and size.",
      ],
      ["Deliver", "Return a table with links, sorted by deadline, and flag notices that are sources-sought only."],
    ],
    failures: [
      "SAM.gov is down for maintenance: report and retry later.",
      "Attachments require sign-in or are controlled: list them as restricted.",
      F.rateLimit,
    ],
    safety: [
      "Do not submit responses or register entities.",
      "Do not download controlled unclassified information attachments.",
    ],
  },
  {
    id: "gov-regulations-comments",
    category: "Government & legal",
    title: "Summarize public comments on a Regulations.gov docket about {topic}",
    summary:
      "Reads the proposed rule and a sample of public comments on a Regulations.gov docket about {topic}, and summarises the main arguments for and against.",
    sites: ["regulations.gov"],
    vars: {
      topic: ["airline refund rules", "overtime pay", "drone operations", "food labelling", "student loan servicing"],
    },
    agents: ["Perplexity Comet", "Claude for Chrome", "ChatGPT Atlas"],
    tags: ["rulemaking", "public-comments", "policy"],
    creators: ["sofia-paralegal", "dr-okafor"],
    objective:
      "Summarise the rule and the public comments on docket {{docket_id}} about {topic}: main positions, who holds them, and the most substantive arguments.",
    prerequisites: ["No account needed."],
    inputs: [
      ["docket_id", "Regulations.gov docket ID, e.g. DOT-OST-2022-0089."],
      ["sample_size", "How many comments to read (suggested 50)."],
    ],
    steps: [
      [
        "Open the docket",
        "Open {{docket_id}} on Regulations.gov. Record agency, title, comment period and total comments received.",
      ],
      ["Read the rule summary", "Open the proposed rule document and read its summary and key provisions."],
      [
        "Sample comments",
        "Open the comments list, sort by posted date and read {{sample_size}} comments across the period, including attachments from organisations.",
      ],
      [
        "Classify",
        "Classify each comment's position (support, oppose, mixed) and commenter type (individual, business, advocacy group, government).",
      ],
      [
        "Summarise",
        "Return counts by position and type, the strongest arguments on each side with quotes and links, and any form-letter campaigns you noticed.",
      ],
    ],
    failures: ["Many comments are identical form letters: count them as one campaign and note the count.", F.rateLimit],
    safety: ["Do not submit comments.", "Avoid quoting personal details that individual commenters included."],
  },
  {
    id: "gov-irs-forms",
    category: "Government & legal",
    title: "Find the right IRS form and instructions for {situation}",
    summary:
      "Navigates IRS.gov to find the official form, instructions and deadlines for {situation}, and explains what information you will need before you start.",
    sites: ["irs.gov"],
    vars: {
      situation: [
        "a home office deduction",
        "amending a tax return",
        "estimated quarterly taxes",
        "getting an EIN for a new LLC",
        "requesting a tax transcript",
        "a payment plan",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Copilot Mode in Edge", "Gemini in Chrome"],
    tags: ["taxes", "forms", "small-business"],
    creators: ["aisha-finance", "sofia-paralegal"],
    objective:
      "Identify the official IRS form or online tool for {situation} given {{circumstances}}, and list the deadline, the information needed and the official links.",
    prerequisites: ["No account needed to read IRS.gov."],
    inputs: [
      ["circumstances", "Short description of the situation, e.g. sole proprietor, tax year 2024."],
      ["tax_year", "The tax year concerned."],
    ],
    steps: [
      ["Start on IRS.gov", "Open irs.gov and confirm the address bar shows irs.gov. Search for {situation}."],
      [
        "Find the official page",
        "Open the official topic or About Form page. Note the form number or online tool name and the revision date.",
      ],
      [
        "Read the instructions",
        "Open the instructions and note who must use it, the deadline for {{tax_year}}, and required documents.",
      ],
      [
        "Check alternatives",
        "Note whether an online option exists (for example an IRS online account or tool) and whether it is preferred.",
      ],
      [
        "Summarise",
        "Return the form or tool, deadline, a checklist of information needed, and links, with a reminder to confirm details with a tax professional.",
      ],
    ],
    failures: [
      "Search returns third-party sites: ignore them and use only irs.gov links.",
      "Several forms could apply: list each with when it is used and ask.",
    ],
    safety: [
      "This is not tax advice; say so.",
      "Never enter Social Security numbers or sign in to the IRS account on the user's behalf.",
      "Do not submit any form.",
    ],
  },
];
