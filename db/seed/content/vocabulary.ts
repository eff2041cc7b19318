/** Controlled vocabularies for the seed catalogue: agents, target sites and categories. */

const AGENT_LIST = [
  "Perplexity Comet",
  "ChatGPT Atlas",
  "Opera Neon",
  "Manus",
  "Browser Use",
  "Playwright MCP",
  "Claude for Chrome",
  "Gemini in Chrome",
  "Copilot Mode in Edge",
  "Dia",
] as const;

export const AGENTS: string[] = [...AGENT_LIST];

const CATEGORY_LIST = [
  "Developer tools",
  "Shopping",
  "Research",
  "Social media",
  "Productivity",
  "Travel",
  "Finance",
  "Recruiting",
  "Sales & CRM",
  "Support",
  "Marketing",
  "Data extraction",
  "Government & legal",
  "HR & people ops",
] as const;

export type Category = (typeof CATEGORY_LIST)[number];

export const CATEGORIES: string[] = [...CATEGORY_LIST];

/** Display name and short tag for every target site. The domain is what flows store. */
export type SiteInfo = { domain: string; name: string; tag: string };

const SITE_INFO: readonly SiteInfo[] = [
  // Developer tools
  { domain: "github.com", name: "GitHub", tag: "github" },
  { domain: "gitlab.com", name: "GitLab", tag: "gitlab" },
  { domain: "stackoverflow.com", name: "Stack Overflow", tag: "stackoverflow" },
  { domain: "vercel.com", name: "Vercel", tag: "vercel" },
  { domain: "npmjs.com", name: "npm", tag: "npm" },
  { domain: "sentry.io", name: "Sentry", tag: "sentry" },
  { domain: "linear.app", name: "Linear", tag: "linear" },
  { domain: "atlassian.net", name: "Jira", tag: "jira" },
  { domain: "console.aws.amazon.com", name: "the AWS Console", tag: "aws" },
  // Shopping
  { domain: "amazon.com", name: "Amazon", tag: "amazon" },
  { domain: "ebay.com", name: "eBay", tag: "ebay" },
  { domain: "walmart.com", name: "Walmart", tag: "walmart" },
  { domain: "bestbuy.com", name: "Best Buy", tag: "bestbuy" },
  { domain: "target.com", name: "Target", tag: "target" },
  { domain: "costco.com", name: "Costco", tag: "costco" },
  { domain: "etsy.com", name: "Etsy", tag: "etsy" },
  { domain: "admin.shopify.com", name: "Shopify admin", tag: "shopify" },
  // Social
  { domain: "x.com", name: "X (Twitter)", tag: "x" },
  { domain: "linkedin.com", name: "LinkedIn", tag: "linkedin" },
  { domain: "reddit.com", name: "Reddit", tag: "reddit" },
  { domain: "youtube.com", name: "YouTube", tag: "youtube" },
  { domain: "instagram.com", name: "Instagram", tag: "instagram" },
  { domain: "facebook.com", name: "Facebook", tag: "facebook" },
  { domain: "news.ycombinator.com", name: "Hacker News", tag: "hackernews" },
  { domain: "producthunt.com", name: "Product Hunt", tag: "producthunt" },
  // Productivity
  { domain: "notion.so", name: "Notion", tag: "notion" },
  { domain: "docs.google.com", name: "Google Docs", tag: "google-docs" },
  { domain: "calendar.google.com", name: "Google Calendar", tag: "google-calendar" },
  { domain: "mail.google.com", name: "Gmail", tag: "gmail" },
  { domain: "drive.google.com", name: "Google Drive", tag: "google-drive" },
  { domain: "trello.com", name: "Trello", tag: "trello" },
  { domain: "asana.com", name: "Asana", tag: "asana" },
  { domain: "slack.com", name: "Slack", tag: "slack" },
  { domain: "airtable.com", name: "Airtable", tag: "airtable" },
  // Travel
  { domain: "airbnb.com", name: "Airbnb", tag: "airbnb" },
  { domain: "booking.com", name: "Booking.com", tag: "booking" },
  { domain: "expedia.com", name: "Expedia", tag: "expedia" },
  { domain: "kayak.com", name: "KAYAK", tag: "kayak" },
  { domain: "tripadvisor.com", name: "Tripadvisor", tag: "tripadvisor" },
  { domain: "united.com", name: "United Airlines", tag: "united" },
  // Finance
  { domain: "stripe.com", name: "the Stripe Dashboard", tag: "stripe" },
  { domain: "paypal.com", name: "PayPal", tag: "paypal" },
  { domain: "quickbooks.intuit.com", name: "QuickBooks Online", tag: "quickbooks" },
  { domain: "finance.yahoo.com", name: "Yahoo Finance", tag: "yahoo-finance" },
  { domain: "sec.gov", name: "SEC EDGAR", tag: "sec-edgar" },
  { domain: "wise.com", name: "Wise", tag: "wise" },
  // Government & legal
  { domain: "irs.gov", name: "IRS.gov", tag: "irs" },
  { domain: "uscis.gov", name: "USCIS", tag: "uscis" },
  { domain: "courtlistener.com", name: "CourtListener", tag: "courtlistener" },
  { domain: "sam.gov", name: "SAM.gov", tag: "sam-gov" },
  { domain: "regulations.gov", name: "Regulations.gov", tag: "regulations-gov" },
  // HR & recruiting
  { domain: "greenhouse.io", name: "Greenhouse", tag: "greenhouse" },
  { domain: "lever.co", name: "Lever", tag: "lever" },
  { domain: "indeed.com", name: "Indeed", tag: "indeed" },
  { domain: "glassdoor.com", name: "Glassdoor", tag: "glassdoor" },
  { domain: "bamboohr.com", name: "BambooHR", tag: "bamboohr" },
  { domain: "gusto.com", name: "Gusto", tag: "gusto" },
  { domain: "workday.com", name: "Workday", tag: "workday" },
  // Sales, CRM & support
  { domain: "salesforce.com", name: "Salesforce", tag: "salesforce" },
  { domain: "hubspot.com", name: "HubSpot", tag: "hubspot" },
  { domain: "pipedrive.com", name: "Pipedrive", tag: "pipedrive" },
  { domain: "apollo.io", name: "Apollo", tag: "apollo" },
  { domain: "zendesk.com", name: "Zendesk", tag: "zendesk" },
  { domain: "intercom.com", name: "Intercom", tag: "intercom" },
  // Marketing & analytics
  { domain: "mailchimp.com", name: "Mailchimp", tag: "mailchimp" },
  { domain: "ads.google.com", name: "Google Ads", tag: "google-ads" },
  { domain: "search.google.com", name: "Google Search Console", tag: "search-console" },
  { domain: "analytics.google.com", name: "Google Analytics", tag: "google-analytics" },
  // Research & data
  { domain: "scholar.google.com", name: "Google Scholar", tag: "google-scholar" },
  { domain: "arxiv.org", name: "arXiv", tag: "arxiv" },
  { domain: "pubmed.ncbi.nlm.nih.gov", name: "PubMed", tag: "pubmed" },
  { domain: "wikipedia.org", name: "Wikipedia", tag: "wikipedia" },
  { domain: "crunchbase.com", name: "Crunchbase", tag: "crunchbase" },
  { domain: "zillow.com", name: "Zillow", tag: "zillow" },
  { domain: "yelp.com", name: "Yelp", tag: "yelp" },
  { domain: "data.gov", name: "Data.gov", tag: "data-gov" },
];

export const SITES: string[] = SITE_INFO.map((s) => s.domain);

const SITE_BY_DOMAIN = new Map(SITE_INFO.map((s) => [s.domain, s]));

export function siteInfo(domain: string): SiteInfo {
  const info = SITE_BY_DOMAIN.get(domain);
  if (!info) throw new Error(`Unknown site domain in seed content: ${domain}`);
  return info;
}
