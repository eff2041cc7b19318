import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

export const socialMarketingTemplates: FlowTemplate[] = [
  {
    id: "social-archive",
    category: "Social media",
    title: "Archive your best {site} posts of the month into {site2}",
    summary:
      "Finds your top-performing {site} posts from the past month, captures text, links and numbers, and files each one as a tidy entry in {site2}.",
    sites: ["x.com", "linkedin.com", "instagram.com", "facebook.com", "youtube.com", "reddit.com"],
    sites2: ["notion.so", "airtable.com"],
    agents: ["Manus", "Browser Use", "Claude for Chrome", "Opera Neon"],
    tags: ["archiving", "content", "analytics"],
    creators: ["olu-social", "growth-jules"],
    objective:
      "Save the top {{count}} posts you published on {site} in {{month}} to {{destination_url}} in {site2}, with date, text, link and engagement numbers.",
    prerequisites: [
      "Signed in to {site} as the account that published the posts.",
      "Edit access to the destination in {site2}.",
    ],
    inputs: [
      ["month", "Month to archive, e.g. April 2025."],
      ["count", "How many top posts to keep (suggested 10)."],
      ["destination_url", "URL of the {site2} page, database or table."],
    ],
    steps: [
      [
        "Open your posts",
        "On {site}, open your profile or the built-in analytics for the account and scroll to posts from {{month}}.",
      ],
      [
        "Read engagement",
        "For each post, record date, first 200 characters, link, and the numbers {site} shows (views or impressions, reactions, comments, shares).",
      ],
      [
        "Rank the posts",
        "Rank by engagement relative to views where both are shown, otherwise by total interactions, and keep the top {{count}}.",
      ],
      ["Check for duplicates", "Open {{destination_url}} and skip posts whose link is already saved."],
      [
        "Create the entries",
        "Add one entry per post with Date, Text, Link, Views, Interactions and a short Note on why it likely performed well.",
      ],
      ["Summarise", "Report the entries created and two patterns you noticed across the top posts."],
    ],
    failures: [
      F.login,
      "{Site} hides numbers for older posts: record what is visible and mark the rest as unavailable.",
      F.rateLimit,
    ],
    safety: [
      "Read only on {site}: never post, delete, like or reply.",
      "Save only your own account's posts, not other people's content.",
    ],
  },
  {
    id: "social-weekly-report",
    category: "Social media",
    title: "Build a weekly {site} engagement report in Google Sheets",
    summary:
      "Reads last week's numbers from {site}'s own analytics, adds a row per post to a Google Sheet, and writes a three-line summary of what moved.",
    sites: ["x.com", "linkedin.com", "instagram.com", "facebook.com", "youtube.com"],
    sites2: ["docs.google.com"],
    agents: ["Manus", "Browser Use", "Gemini in Chrome", "Playwright MCP"],
    tags: ["reporting", "analytics", "google-sheets"],
    creators: ["olu-social", "growth-jules"],
    objective:
      "Append last week's post-level and account-level {site} metrics for {{account}} to {{sheet_url}}, and compare them with the previous week.",
    prerequisites: ["Admin or analytics access to the {site} account.", "A Google Sheet with a weekly tab structure."],
    inputs: [
      ["account", "The {site} account or page name."],
      ["sheet_url", "URL of the reporting Google Sheet."],
      ["week", "Week to report, e.g. 2025-05-05 to 2025-05-11."],
    ],
    steps: [
      ["Open analytics", "Open {site}'s analytics for {{account}} and set the date range to {{week}}."],
      [
        "Record account metrics",
        "Record followers at the end of the week, follower change, total impressions or views, and total interactions.",
      ],
      [
        "Record post metrics",
        "For each post in {{week}}, record date, format, link, impressions or views, interactions and clicks where shown.",
      ],
      ["Write to the sheet", "Append the account row and post rows to {{sheet_url}} in the existing column order."],
      ["Compare", "Compare with the previous week's row and compute the percentage change for each account metric."],
      ["Summarise", "Write three short lines: what grew, what dropped, and one post worth repeating, with its link."],
    ],
    failures: [
      "Analytics are delayed for the most recent days: note the date the data was read.",
      F.login,
      "The sheet layout changed: ask before adding columns.",
    ],
    safety: [S.readOnly, "Do not share the report sheet with anyone new."],
  },
  {
    id: "social-unanswered",
    category: "Social media",
    title: "Find unanswered questions about your product on {site}",
    summary:
      "Searches {site} for recent posts that mention your product with a question, checks whether anyone from your team replied, and drafts helpful answers for approval.",
    sites: ["x.com", "reddit.com", "linkedin.com", "facebook.com", "news.ycombinator.com", "instagram.com"],
    agents: ["Perplexity Comet", "Claude for Chrome", "ChatGPT Atlas", "Dia"],
    tags: ["community", "brand-monitoring", "support"],
    creators: ["olu-social", "tomas-support", "demo-creator"],
    objective:
      "Find posts and comments on {site} from the last {{days}} days that ask a question about {{product}} and have no reply from {{team_accounts}}, and draft answers for the user to approve.",
    prerequisites: ["Signed in to {site} with the account the team uses to reply."],
    inputs: [
      ["product", "Product name plus common misspellings."],
      ["days", "How far back to look (suggested 7)."],
      ["team_accounts", "Handles of team members and official accounts."],
      ["docs_url", "Your help center or docs URL, used for answers."],
    ],
    steps: [
      [
        "Search mentions",
        "Use {site}'s search for {{product}} and each misspelling, sorted by latest, limited to the last {{days}} days.",
      ],
      [
        "Keep real questions",
        "Keep posts that ask something or report a problem; skip jokes, job posts and unrelated uses of the name.",
      ],
      ["Check for replies", "Open each one and check whether any of {{team_accounts}} already replied."],
      [
        "Draft answers",
        "For each unanswered question, draft a short, friendly answer that links to the relevant page of {{docs_url}}. Follow {site}'s norms and never sound like an ad.",
      ],
      [
        "Approve and post",
        "Show the drafts with links to the originals. Post only the approved ones, exactly as approved.",
      ],
    ],
    failures: [F.login, F.rateLimit, "A community forbids brand replies or self-promotion: skip it and note the rule."],
    safety: [
      "Post nothing without approval and never reply from a personal account by mistake.",
      "Do not argue with critics or reply to posts about safety, legal or personal issues; flag them instead.",
    ],
  },
  {
    id: "mkt-search-console",
    category: "Marketing",
    title: "Find {issue} in Google Search Console and plan fixes",
    summary:
      "Reads the relevant Google Search Console report for {issue}, lists the affected pages with evidence, and turns them into a prioritised fix list.",
    sites: ["search.google.com"],
    vars: {
      issue: [
        "pages that are not indexed",
        "Core Web Vitals failures",
        "queries with falling clicks",
        "pages with high impressions and low CTR",
        "sitemap errors",
      ],
    },
    agents: ["Claude for Chrome", "Gemini in Chrome", "Browser Use"],
    tags: ["seo", "audit"],
    creators: ["growth-jules", "demo-creator"],
    objective:
      "Identify {issue} for the property {{property}} over {{date_range}}, explain the likely cause for each group of pages, and propose fixes in priority order.",
    prerequisites: ["Access to the Search Console property (restricted or full user)."],
    inputs: [
      ["property", "Search Console property, e.g. https://www.example.com/."],
      ["date_range", "Period to analyse, e.g. last 3 months."],
      ["key_pages", "Pages that matter most commercially."],
    ],
    steps: [
      [
        "Select the property",
        "Open Search Console and choose {{property}} from the property selector. Confirm the property type (domain or URL prefix).",
      ],
      [
        "Open the report",
        "Open the report that covers {issue} and set the date range to {{date_range}} where the report allows it.",
      ],
      [
        "Group the pages",
        "Group affected pages by reason or pattern (template, directory, content type) and count each group.",
      ],
      [
        "Inspect examples",
        "Use URL Inspection on two examples per group and note what Google reports about crawling, indexing and the canonical URL.",
      ],
      ["Prioritise", "Rank groups by traffic potential, putting anything in {{key_pages}} first."],
      [
        "Write the fix plan",
        "Return a table: group, pages affected, likely cause, proposed fix, priority. Do not request indexing or validate fixes yet.",
      ],
    ],
    failures: [
      'Report shows "Processing data, please check again in a day or so": report that the data is not ready.',
      F.login,
      "Not enough data for the report: say so rather than extrapolating.",
    ],
    safety: ["Do not click Validate fix, Request indexing, remove URLs or change users and permissions.", S.readOnly],
  },
  {
    id: "mkt-analytics-summary",
    category: "Marketing",
    title: "Pull {metric} from Google Analytics into a weekly summary",
    summary:
      "Opens the right Google Analytics 4 report for {metric}, compares the week with the one before, and writes a short summary with the numbers behind it.",
    sites: ["analytics.google.com"],
    vars: {
      metric: [
        "landing page conversions",
        "traffic by channel",
        "campaign UTM performance",
        "new versus returning users",
        "top pages by engagement time",
      ],
    },
    agents: ["Gemini in Chrome", "Claude for Chrome", "Manus"],
    tags: ["analytics", "reporting", "ga4"],
    creators: ["growth-jules"],
    objective:
      "Report {metric} for the GA4 property {{property}} for {{week}} versus the previous week, with the biggest movers explained.",
    prerequisites: ["Viewer access to the GA4 property."],
    inputs: [
      ["property", "GA4 property name."],
      ["week", "The week to report."],
      ["audience", "Who reads the summary, e.g. the marketing team."],
    ],
    steps: [
      [
        "Open the property",
        "In Google Analytics, select {{property}} in the account picker and confirm the property name in the header.",
      ],
      ["Set the comparison", "Set the date range to {{week}} and turn on Compare to previous period."],
      [
        "Open the report",
        "Open the report in Reports or Explore that shows {metric}, adding the needed dimension as a secondary dimension if it is not the default.",
      ],
      [
        "Read the numbers",
        "Record the top 10 rows with both periods and the change. Note sampling or thresholding warnings shown at the top.",
      ],
      [
        "Explain the movers",
        "For the three largest changes, check the source or campaign breakdown to find a plausible reason, and label it as a hypothesis.",
      ],
      [
        "Write the summary",
        "Write a summary for {{audience}}: headline number, three movers with context, and one suggested action.",
      ],
    ],
    failures: ["Data thresholds hide rows: mention it and report totals only.", F.login, F.layout],
    safety: [S.readOnly, "Do not edit property settings, audiences or conversions."],
  },
  {
    id: "mkt-mailchimp-review",
    category: "Marketing",
    title: "Review a Mailchimp {campaign} and draft better subject lines",
    summary:
      "Reads the results of a Mailchimp {campaign}, compares it with recent sends, and drafts five subject lines to test next time.",
    sites: ["mailchimp.com"],
    vars: {
      campaign: [
        "newsletter",
        "product launch email",
        "re-engagement campaign",
        "abandoned cart email",
        "webinar invite",
      ],
    },
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Opera Neon"],
    tags: ["email-marketing", "copywriting"],
    creators: ["growth-jules", "lena-sells"],
    objective:
      "Evaluate the Mailchimp {campaign} {{campaign_name}} against the last {{n}} comparable sends, and propose five subject lines with preview text for the next one.",
    prerequisites: ["Access to Mailchimp reports for the audience."],
    inputs: [
      ["campaign_name", "Name of the sent campaign."],
      ["n", "How many previous campaigns to compare with (suggested 5)."],
    ],
    steps: [
      [
        "Open the report",
        "In Mailchimp, open Analytics > Reports and click {{campaign_name}}. Record recipients, open rate, click rate, unsubscribes and bounces.",
      ],
      [
        "Compare with recent sends",
        "Record the same numbers for the last {{n}} comparable campaigns and compute the averages.",
      ],
      ["Check the clicks", "Open the click map or link activity and note which links got the most clicks."],
      [
        "Read the subject lines",
        "List subject lines and preview text for all compared campaigns and note patterns in the better performers.",
      ],
      [
        "Draft new subject lines",
        "Write five subject lines under 50 characters with matching preview text, each testing one idea (benefit, curiosity, number, personalisation, urgency).",
      ],
    ],
    failures: ["Open rates are inflated by privacy protections: weigh click rate more and say so.", F.login],
    safety: [
      "Do not send, schedule or duplicate campaigns.",
      "Do not export the audience list or view individual subscriber profiles.",
    ],
  },
  {
    id: "mkt-google-ads",
    category: "Marketing",
    title: "Check Google Ads campaigns for {problem}",
    summary:
      "Goes through your Google Ads account looking for {problem}, quantifies the cost, and lists changes for you to make or approve.",
    sites: ["ads.google.com"],
    vars: {
      problem: [
        "wasted spend on irrelevant search terms",
        "disapproved ads",
        "budget-limited campaigns",
        "broken final URLs",
        "low Quality Score keywords",
      ],
    },
    agents: ["Browser Use", "Claude for Chrome", "Manus"],
    tags: ["ppc", "ad-spend", "audit"],
    creators: ["growth-jules"],
    objective:
      "Find {problem} in the Google Ads account {{account}} over {{date_range}}, estimate the cost or lost opportunity, and recommend specific fixes.",
    prerequisites: [
      "Read access to the Google Ads account. Standard access is only needed if you later apply changes yourself.",
    ],
    inputs: [
      ["account", "Google Ads account name or customer ID."],
      ["date_range", "Period to analyse, e.g. last 30 days."],
    ],
    steps: [
      ["Open the account", "Open Google Ads, select {{account}} and set the date range to {{date_range}}."],
      [
        "Open the right view",
        "Navigate to the view that exposes {problem} (for example Insights and reports > Search terms, Ads, Campaigns or Keywords) and add the columns for cost, clicks and conversions.",
      ],
      ["List the findings", "Record each affected item with campaign, ad group, cost, clicks and conversions."],
      ["Quantify", "Sum the cost or estimate the lost impressions, and show the biggest five items."],
      [
        "Recommend fixes",
        "For each finding, propose one concrete change (a negative keyword, a fixed URL, a budget change) and the expected effect.",
      ],
    ],
    failures: [
      F.login,
      "The account has several managers (MCC): confirm the right client account is selected.",
      F.layout,
    ],
    safety: [
      "Do not apply recommendations, change bids or budgets, or pause campaigns without explicit approval.",
      "Never change billing settings.",
    ],
  },
  {
    id: "mkt-producthunt",
    category: "Marketing",
    title: "Research recent Product Hunt launches in {niche}",
    summary:
      "Reviews the last month of Product Hunt launches in {niche}, noting positioning, pricing and what commenters asked for, to inform your own launch.",
    sites: ["producthunt.com"],
    vars: {
      niche: [
        "developer tools",
        "AI writing apps",
        "productivity apps",
        "no-code tools",
        "fintech apps",
        "design tools",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    tags: ["competitor-research", "launch"],
    creators: ["growth-jules", "demo-creator"],
    objective:
      "Summarise the ten most upvoted Product Hunt launches in {niche} from the last {{days}} days: tagline, pricing, launch-day rank, and the most common questions from commenters.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["days", "Look-back window in days (suggested 30)."],
      ["our_product", "One sentence about your product, used to highlight relevant lessons."],
    ],
    steps: [
      [
        "Find the launches",
        "Open the Product Hunt topic page for {niche} and sort by the most upvoted launches in the period.",
      ],
      [
        "Read each launch page",
        "For the top ten, record name, tagline, launch date, upvotes, daily rank, pricing (free, freemium, paid) and maker comment summary.",
      ],
      ["Read the comments", "Scan the comments and note the recurring questions and objections."],
      ["Compare positioning", "Note how each launch describes the problem and the audience, in their own words."],
      ["Draw lessons", "Write three lessons relevant to {{our_product}} with examples from the launches."],
    ],
    failures: ["Topic pages change layout often: fall back to searching the topic name.", F.rateLimit],
    safety: ["Do not upvote, comment or follow makers.", S.readOnly],
  },
];
