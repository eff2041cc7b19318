import type { SeedCreator } from "./types";

function creator(handle: string, name: string, bio: string): SeedCreator {
  return { handle, name, email: `${handle}@creators.flowtab.dev`, bio };
}

/** The demo creator account used by the demo login. Its email is fixed on purpose. */
export const DEMO_CREATOR: SeedCreator = {
  handle: "demo-creator",
  name: "Casey Rivera",
  email: "creator@flowtab.dev",
  bio: "Product ops lead at a twelve-person SaaS company. Casey writes flows for the chores nobody owns: merge conflicts, price watches, launch-day feedback and the Friday status update.",
};

export const CREATORS: SeedCreator[] = [
  DEMO_CREATOR,
  creator(
    "priya-ops",
    "Priya Raman",
    "Site reliability engineer who has carried a pager for nine years. Her flows turn noisy dashboards and build logs into short, actionable incident notes.",
  ),
  creator(
    "rafael-dev",
    "Rafael Costa",
    "Maintainer of two mid-sized open-source libraries. He writes flows for issue triage, pull request review and release chores on GitHub and GitLab.",
  ),
  creator(
    "marcus-recruits",
    "Marcus Bell",
    "Technical recruiter who has hired for startups and a public company. He automates sourcing and screening without losing the human touch in outreach.",
  ),
  creator(
    "lena-sells",
    "Lena Hoffmann",
    "Runs a ceramics shop on Etsy and Shopify and resells refurbished electronics on eBay. Obsessed with margins, shipping costs and honest listings.",
  ),
  creator(
    "dr-okafor",
    "Chidi Okafor",
    "Postdoctoral researcher in computational biology. He builds literature-review flows for Google Scholar, PubMed and arXiv that keep citations traceable.",
  ),
  creator(
    "sofia-paralegal",
    "Sofia Marquez",
    "Litigation paralegal at a small immigration and employment practice. Her flows track dockets, case statuses and filing deadlines on government sites.",
  ),
  creator(
    "growth-jules",
    "Jules Tan",
    "Growth marketer for B2B software. Jules writes flows for campaign reporting, SEO checks and content scheduling that a one-person team can keep up with.",
  ),
  creator(
    "noah-travels",
    "Noah Feldman",
    "Former corporate travel agent who now plans group trips for fun. His flows compare fares, stays and cancellation terms so nobody gets surprised at checkout.",
  ),
  creator(
    "aisha-finance",
    "Aisha Karimi",
    "Fractional bookkeeper for a dozen small businesses. She uses browser agents for reconciliations, receipt hunting and month-end close checklists.",
  ),
  creator(
    "tomas-support",
    "Tomás Silva",
    "Customer support lead for a subscription box company. He writes careful flows for ticket triage, refunds and macros that keep a human in the loop.",
  ),
  creator(
    "mei-data",
    "Mei Lin",
    "Data journalist who collects public records and web data for investigations. Her flows favour small, polite, well-documented extractions.",
  ),
  creator(
    "ben-sdr",
    "Ben Carter",
    "Sales development rep turned RevOps manager. Ben automates lead research, CRM hygiene and meeting prep in Salesforce, HubSpot and Pipedrive.",
  ),
  creator(
    "hana-pm",
    "Hana Sato",
    "Product manager at a fintech startup. She writes flows that keep her inbox, calendar, docs and task boards in sync without another tool to maintain.",
  ),
  creator(
    "grace-hr",
    "Grace Mensah",
    "HR generalist and people-ops consultant for growing teams. Her flows cover onboarding checklists, payroll reports and time-off audits.",
  ),
  creator(
    "olu-social",
    "Olu Adeyemi",
    "Social media manager for a consumer brand and two podcasts. Olu writes flows for community replies, thread archiving and weekly performance snapshots.",
  ),
];
