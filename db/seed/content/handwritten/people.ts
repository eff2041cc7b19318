import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const peopleFlows: SeedFlow[] = [
  defineFlow({
    title: "Source LinkedIn candidates for a role and add them to Greenhouse",
    summary:
      "Runs a focused LinkedIn search from a role's must-haves, reads each profile for evidence, and adds the strongest matches as prospects in Greenhouse with a note explaining why.",
    category: "Recruiting",
    agents: ["Claude for Chrome", "Manus", "ChatGPT Atlas"],
    sites: ["linkedin.com", "greenhouse.io"],
    tags: ["sourcing", "ats", "hiring"],
    isPremium: true,
    creatorHandle: "marcus-recruits",
    publishedDaysAgo: 39,
    objective:
      "Find up to {{count}} candidates on LinkedIn who match the must-haves for {{role}}, and add them as prospects to the Greenhouse job {{job_name}} with a short evidence-based note. No outreach is sent.",
    prerequisites: [
      "Signed in to LinkedIn (Recruiter Lite or a normal account; search limits apply to free accounts).",
      "Signed in to Greenhouse with permission to add prospects to {{job_name}}.",
    ],
    inputs: [
      ["role", "Role title and level, e.g. Senior Backend Engineer (Go)."],
      ["must_haves", 'Three to five requirements, e.g. "5+ yrs Go, payments domain, based in EU".'],
      ["job_name", "Exact Greenhouse job name."],
      ["count", "How many prospects to add (suggested 20)."],
    ],
    steps: [
      [
        "Build the search",
        'In LinkedIn People search, use keywords from {{must_haves}} with Boolean operators (e.g. `("Go" OR Golang) AND (payments OR fintech)`), and filter by location and current title where relevant.',
      ],
      [
        "Screen profiles",
        "Open profiles one at a time. For each must-have, find concrete evidence (title, dates, described projects). Record a match score: met / partial / not shown.",
      ],
      [
        "Exclude early",
        'Skip profiles that show "Open to work" only for unrelated roles, current employees of companies on the user\'s do-not-poach list if given, and anyone already in Greenhouse (search by name first).',
      ],
      [
        "Add to Greenhouse",
        "In Greenhouse, use Add a Prospect on {{job_name}}: name, current company, title, LinkedIn URL, source = LinkedIn (sourced). Do not add email or phone numbers.",
      ],
      [
        "Write the note",
        'In the prospect\'s note, list each must-have with the evidence found, e.g. "Go: 4 yrs at Monzo (2020-2024)". Keep it factual; no assumptions about age, gender or other protected traits.',
      ],
      ["Pace yourself", "Open no more than about 40 profiles per hour and stop when {{count}} prospects are added."],
      [
        "Report",
        "Return a table of prospects with match summaries and the search string used, so the recruiter can refine it next time.",
      ],
    ],
    failures: [
      'LinkedIn shows "You\'ve reached the commercial use limit": stop searching and report how many were added.',
      'Profile visibility is limited ("LinkedIn Member"): skip it.',
      "Greenhouse flags a possible duplicate: do not merge; add a note to the summary.",
    ],
    safety: [
      "Never send connection requests, InMails or messages.",
      "Judge only on job-relevant evidence; never record protected characteristics.",
      "Do not copy contact details from profiles into any system.",
    ],
  }),
  defineFlow({
    title: "Screen new Lever applicants against must-have criteria",
    summary:
      "Reads each new application in a Lever posting, checks the resume against your written criteria, and leaves a structured note and a suggested stage for the recruiter to confirm.",
    category: "Recruiting",
    agents: ["Claude for Chrome", "Browser Use"],
    sites: ["lever.co"],
    tags: ["screening", "ats", "applications"],
    isPremium: true,
    creatorHandle: "marcus-recruits",
    publishedDaysAgo: 155,
    objective:
      "For the Lever posting {{posting}}, review applicants in the New Applicant stage, score them against {{criteria}}, and leave a private screening note with a suggested next stage. The recruiter moves candidates.",
    prerequisites: [
      "Signed in to Lever with access to the posting's candidates.",
      "Written criteria agreed with the hiring manager.",
    ],
    inputs: [
      ["posting", "Lever posting name."],
      ["criteria", "Must-haves and nice-to-haves, one per line."],
      ["batch_size", "Number of applicants to review in one run (suggested 25)."],
    ],
    steps: [
      [
        "Open the pipeline",
        "In Lever, open Candidates, filter by posting {{posting}} and stage New Applicant, sorted oldest first. Take the first {{batch_size}}.",
      ],
      [
        "Read the application",
        "Open the candidate, read the resume and answers to application questions. Ignore photos, names and addresses when judging.",
      ],
      [
        "Score each criterion",
        "For each line in {{criteria}}, mark met / partial / not shown and cite the resume line that supports it.",
      ],
      [
        "Suggest a stage",
        "Suggest Phone Screen when every must-have is met, Hiring Manager Review when exactly one must-have is partial, and Archive - not a fit only when two or more must-haves are not shown.",
      ],
      [
        "Leave a private note",
        "Add a note visible to the hiring team only, using the format: Suggested stage, Must-haves (with evidence), Nice-to-haves, Questions for the screen.",
      ],
      [
        "Summarise",
        "Return a table: candidate link, suggested stage, one-line reason. Highlight borderline cases for human review.",
      ],
    ],
    failures: [
      'Resume is an image-only PDF that will not render: note "resume unreadable" and suggest manual review.',
      "Candidate applied to several postings: mention the others in the note.",
      "Note visibility defaults to public: switch it to private before saving.",
    ],
    safety: [
      "Never move, archive, reject or email candidates; suggestions only.",
      "Do not consider or record age, gender, ethnicity, disability, family status or similar traits.",
    ],
  }),
  defineFlow({
    title: "Enrich new HubSpot leads with company details from LinkedIn",
    summary:
      "Takes contacts created this week in HubSpot, looks up each company's LinkedIn page for industry, size and HQ, and fills the empty company properties without overwriting anything.",
    category: "Sales & CRM",
    agents: ["Browser Use", "Manus", "Playwright MCP"],
    sites: ["hubspot.com", "linkedin.com"],
    tags: ["lead-enrichment", "crm-hygiene", "b2b"],
    isPremium: true,
    creatorHandle: "ben-sdr",
    publishedDaysAgo: 26,
    objective:
      "For companies associated with HubSpot contacts created in the last {{days}} days, fill empty Industry, Number of employees, City/Country and LinkedIn company page properties using each company's LinkedIn page.",
    prerequisites: [
      "HubSpot access with edit rights on Companies.",
      "Signed in to LinkedIn to view company pages reliably.",
    ],
    inputs: [
      ["days", "Look-back window for new contacts, e.g. 7."],
      ["max_companies", "Maximum companies to enrich per run (suggested 30)."],
    ],
    steps: [
      [
        "Find new contacts",
        "In HubSpot, open Contacts, filter Create date is less than {{days}} days ago, and add the Associated company column. Collect the distinct companies, up to {{max_companies}}.",
      ],
      [
        "Open each company record",
        "Open the company in HubSpot and note which of the target properties are empty. Skip companies where all are already filled.",
      ],
      [
        "Find the right LinkedIn page",
        "Search LinkedIn for the company name and confirm the match using the website domain on the About tab. If two pages match, skip and flag.",
      ],
      [
        "Read the details",
        "From the About tab, read Industry, Company size (use the stated range), Headquarters and the page URL.",
      ],
      [
        "Fill empty properties only",
        "In HubSpot, fill only properties that are empty. Map the size range to the nearest HubSpot value and mention the mapping in a note on the record.",
      ],
      [
        "Report",
        "List companies enriched, properties filled, and companies skipped with reasons (no match, ambiguous, already complete).",
      ],
    ],
    failures: [
      "LinkedIn limits profile views or shows a sign-in wall: stop and report progress so far.",
      "HubSpot property is read-only (synced from another tool): skip and mention the integration.",
      "Company domain differs between HubSpot and LinkedIn (e.g. acquisitions): flag instead of guessing.",
    ],
    safety: [
      "Never overwrite existing values or delete records.",
      "Do not visit personal profiles of the contacts; company pages only.",
      "No emails or sequences are sent by this flow.",
    ],
  }),
  defineFlow({
    title: "Log a Salesforce call summary and set the next step",
    summary:
      "Turns your rough call notes into a clean Salesforce activity on the right opportunity, updates Next Step and close date only when you approve, and creates the follow-up task.",
    category: "Sales & CRM",
    agents: ["Claude for Chrome", "Copilot Mode in Edge", "ChatGPT Atlas"],
    sites: ["salesforce.com"],
    tags: ["call-notes", "opportunities", "pipeline"],
    isPremium: true,
    creatorHandle: "ben-sdr",
    publishedDaysAgo: 181,
    objective:
      "Log the call described in {{notes}} on the Salesforce opportunity {{opportunity}}, propose updates to Next Step, Stage and Close Date, apply the approved ones and create a follow-up task.",
    prerequisites: ["Signed in to Salesforce Lightning with edit access to the opportunity."],
    inputs: [
      ["opportunity", "Opportunity name or URL."],
      ["notes", "Your raw call notes, any format."],
      ["call_date", "Date of the call (defaults to today)."],
    ],
    steps: [
      [
        "Open the opportunity",
        "Search {{opportunity}} in the global search and open the record. Confirm the account name and current stage with the user if there is more than one match.",
      ],
      [
        "Structure the notes",
        "Rewrite {{notes}} as: Attendees, Pain points, Decision process, Budget/timing, Objections, Agreed next steps. Keep the customer's own words where they matter.",
      ],
      [
        "Log the call",
        "On the Activity tab, choose Log a Call, set the subject to `Call - <date of {{call_date}}> - <main topic>`, paste the structured notes in Comments and save.",
      ],
      [
        "Propose field updates",
        "Based on the notes, propose new values for Next Step, Stage and Close Date, each with the sentence from the notes that justifies it. Wait for approval.",
      ],
      [
        "Apply approved updates",
        "Edit only the approved fields and save. If a validation rule blocks saving, report the message rather than changing other fields to get around it.",
      ],
      [
        "Create the follow-up task",
        "Create a New Task with the agreed next step, due date and owner, related to the opportunity. Report links to the logged call and task.",
      ],
    ],
    failures: [
      "Salesforce Classic interface: use the Log A Call button in Activity History instead.",
      "Multiple opportunities for the same account: list them and ask which one.",
      "Session expired or MFA prompt: let the user sign in again.",
    ],
    safety: [
      "Never change Amount, Owner or Close Won/Lost without explicit approval.",
      "Do not email the customer from Salesforce.",
      "Leave out sensitive personal remarks from the notes.",
    ],
  }),
  defineFlow({
    title: "Draft replies to the oldest open Zendesk tickets",
    summary:
      "Works through the oldest open tickets in a Zendesk view, reads the full history and help-center articles, and saves internal-note drafts that an agent can send with one click.",
    category: "Support",
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Dia"],
    sites: ["zendesk.com"],
    tags: ["tickets", "customer-support", "backlog"],
    isPremium: true,
    creatorHandle: "tomas-support",
    publishedDaysAgo: 92,
    objective:
      "For the oldest {{count}} open tickets in the Zendesk view {{view_name}}, read each conversation, find the relevant help-center article or macro, and save a proposed public reply as an internal note for a human agent to review.",
    prerequisites: [
      "Signed in to Zendesk Agent Workspace with access to {{view_name}}.",
      "Help center articles and macros are up to date.",
    ],
    inputs: [
      ["view_name", 'Zendesk view to work from, e.g. "Open - oldest first".'],
      ["count", "Number of tickets to process (suggested 15)."],
      ["brand_voice", 'Tone guidelines, e.g. "warm, direct, first names, no exclamation marks".'],
    ],
    steps: [
      [
        "Open the view",
        "Open {{view_name}} and sort by Requested (oldest first). Take the first {{count}} tickets not assigned to someone else.",
      ],
      [
        "Read the whole ticket",
        "Read every message and internal note, the requester's recent tickets in the sidebar, and any linked order or account information shown by apps.",
      ],
      [
        "Identify the issue",
        "Write a one-line problem statement and check whether the customer is waiting on us or we are waiting on them.",
      ],
      [
        "Find the answer",
        "Search the help center and macros for the problem. Use only official answers; if policy is unclear (refund exceptions, legal, safety), mark the ticket for escalation instead of drafting.",
      ],
      [
        "Draft the reply",
        "Write a reply in {{brand_voice}}: acknowledge, answer with concrete steps or the article link, and state what happens next. Save it as an **internal note** starting with `DRAFT REPLY:`.",
      ],
      ["Tag for review", "Add the tag `ai_draft` so the team's view picks it up. Leave status unchanged."],
      [
        "Summarise",
        "Return ticket number, problem, draft status (drafted / escalate / needs info) and the reason for each escalation.",
      ],
    ],
    failures: [
      "Ticket is in a language other than the help center's: draft in the customer's language and say so in the note.",
      "Zendesk shows another agent viewing the ticket: skip it to avoid collisions.",
      "A macro would change fields or status: do not apply it; copy only its text.",
    ],
    safety: [
      "Never send public replies, solve, merge or delete tickets.",
      "Never promise refunds, credits or timelines not stated in policy.",
      "Do not copy customer personal data outside Zendesk.",
    ],
  }),
];
