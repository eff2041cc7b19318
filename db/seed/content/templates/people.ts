import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

export const peopleTemplates: FlowTemplate[] = [
  {
    id: "rec-job-post",
    category: "Recruiting",
    title: "Prepare {a_role} job post on {site} and check it for biased wording",
    summary:
      "Turns your job description into a {site} posting for {a_role} role, checks the wording for bias and unclear requirements, and stops before publishing.",
    sites: ["indeed.com", "linkedin.com", "greenhouse.io", "lever.co"],
    vars: { role: ["software engineering", "sales", "customer support", "operations"] },
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Copilot Mode in Edge"],
    tags: ["job-posting", "inclusive-hiring"],
    creators: ["marcus-recruits", "grace-hr"],
    objective:
      "Draft a {site} job posting for {{job_title}} from {{job_description}}, flag biased or exclusionary wording, and fill in the posting form up to the final review screen.",
    prerequisites: ["Signed in to {site} with permission to create job posts for the company."],
    inputs: [
      ["job_title", "Exact job title."],
      ["job_description", "Your internal job description."],
      ["salary_range", "Pay range to publish, required by law in several US states."],
      ["location", "Location and remote policy."],
    ],
    steps: [
      [
        "Review the wording",
        'Read {{job_description}} and flag gendered words, age-coded phrases ("digital native"), unnecessary degree requirements and jargon. Suggest neutral alternatives.',
      ],
      [
        "Separate must-haves",
        "Split requirements into must-haves (at most five) and nice-to-haves, since long must-have lists discourage qualified applicants.",
      ],
      [
        "Open the posting form",
        "On {site}, start a new job post and fill title, location {{location}}, employment type and {{salary_range}}.",
      ],
      [
        "Paste the revised description",
        "Paste the revised description with clear headings: About the role, What you will do, What you bring, Pay and benefits.",
      ],
      [
        "Stop at review",
        "Stop on the final review or preview screen and show the user the changes you made and anything still missing. Do not publish or pay for promotion.",
      ],
    ],
    failures: [
      F.login,
      "{Site} asks for a budget or sponsored posting: choose the free option if present, otherwise stop and ask.",
      F.layout,
    ],
    safety: [
      "Never publish the job or buy promotion without explicit approval.",
      "Do not add requirements the user did not give.",
    ],
  },
  {
    id: "rec-glassdoor-interviews",
    category: "Recruiting",
    title: "Summarize Glassdoor interview reports for {role} roles at a company",
    summary:
      "Reads recent Glassdoor interview reports for {role} roles at one company and summarises the stages, typical questions and candidate experience.",
    sites: ["glassdoor.com"],
    vars: {
      role: [
        "software engineer",
        "product manager",
        "data analyst",
        "account executive",
        "product designer",
        "customer success manager",
      ],
    },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    tags: ["interview-prep", "career"],
    creators: ["marcus-recruits"],
    objective:
      "Summarise what candidates report about interviewing for {role} roles at {{company}}: process stages, timeline, question themes and difficulty, based on the last {{count}} reports.",
    prerequisites: ["A Glassdoor account; Glassdoor limits content for signed-out visitors."],
    inputs: [
      ["company", "Company name."],
      ["count", "How many recent reports to read (suggested 20)."],
    ],
    steps: [
      [
        "Open the interviews tab",
        "Search Glassdoor for {{company}}, open the company page and go to Interviews. Filter by job title for {role}.",
      ],
      [
        "Read reports",
        "Read the most recent {{count}} reports. Record date, outcome (offer / no offer), difficulty, experience rating, stages and example questions.",
      ],
      ["Extract the process", "Reconstruct the typical process: stages in order, who runs them, and typical duration."],
      [
        "Group the questions",
        "Group questions into themes (technical, case, behavioural, culture) with two representative examples each.",
      ],
      [
        "Summarise",
        "Return the process, question themes, average difficulty, and recent changes if newer reports differ from older ones.",
      ],
    ],
    failures: [
      "Glassdoor asks you to contribute a review to keep reading: stop and ask the user.",
      "Few reports for the role: broaden to related titles and say so.",
      F.captcha,
    ],
    safety: [
      "Do not post reviews or contact employees.",
      "Treat the reports as anecdotes and say how many they are based on.",
    ],
  },
  {
    id: "rec-interview-scheduling",
    category: "Recruiting",
    title: "Coordinate {stage} interviews for {site} candidates in Google Calendar",
    summary:
      "Finds candidates waiting for a {stage} interview in {site}, checks interviewer availability in Google Calendar, and proposes slots for each candidate.",
    sites: ["greenhouse.io", "lever.co"],
    sites2: ["calendar.google.com"],
    vars: { stage: ["phone screen", "technical", "hiring manager", "final round"] },
    agents: ["Claude for Chrome", "Gemini in Chrome", "Manus"],
    tags: ["interview-scheduling", "ats", "calendar"],
    creators: ["marcus-recruits", "grace-hr"],
    objective:
      "For candidates in the {stage} stage of {{job}} in {site}, propose three interview slots each that fit the interview panel's calendars in {{window}}.",
    prerequisites: ["Access to {{job}} in {site}.", "Free/busy visibility of the interviewers in Google Calendar."],
    inputs: [
      ["job", "Job name in {site}."],
      ["panel", "Interviewers' email addresses for the {stage} interview."],
      ["window", "Date range for interviews."],
      ["duration", "Interview length."],
    ],
    steps: [
      [
        "List waiting candidates",
        "In {site}, open {{job}} and list candidates in the {stage} stage without a scheduled interview, with their stated availability and timezone if recorded.",
      ],
      [
        "Check the panel",
        "In Google Calendar, use Find a time with {{panel}} for {{window}} and list slots of {{duration}} where all are free.",
      ],
      ["Match slots", "For each candidate, pick three slots that fit their timezone during reasonable local hours."],
      ["Avoid overload", "Do not give any interviewer more than two interviews on the same day."],
      ["Propose", "Return a table per candidate with proposed slots. Do not send invitations or emails."],
    ],
    failures: [
      F.login,
      "An interviewer's calendar is not visible: mark their availability as unknown.",
      "No slots exist: suggest extending {{window}} or swapping one panel member.",
    ],
    safety: ["Do not create events, send emails or move candidates between stages.", S.privacy],
  },
  {
    id: "hr-timeoff-audit",
    category: "HR & people ops",
    title: "Audit time-off balances in {site} before {deadline}",
    summary:
      "Reviews paid time-off balances in {site} ahead of {deadline}, flags people at risk of losing days or carrying unusual balances, and drafts friendly reminders.",
    sites: ["bamboohr.com", "gusto.com", "workday.com"],
    vars: { deadline: ["year end", "the carry-over cutoff"] },
    agents: ["Manus", "Claude for Chrome", "Browser Use"],
    tags: ["pto", "compliance", "people-ops"],
    creators: ["grace-hr"],
    objective:
      "List employees whose time-off balance in {site} exceeds what they can carry over past {deadline} under {{policy}}, and draft a reminder for each manager.",
    prerequisites: ["HR admin access to time-off reports in {site}."],
    inputs: [
      ["policy", 'Carry-over rule, e.g. "max 5 days carried into the new year".'],
      ["deadline_date", "The exact date of {deadline}."],
    ],
    steps: [
      [
        "Run the balance report",
        "In {site}, open the time-off balances report as of today, for the vacation or PTO policy.",
      ],
      [
        "Add scheduled leave",
        "Account for approved future time off before {{deadline_date}}, which reduces the balance at risk.",
      ],
      [
        "Compute days at risk",
        "For each employee, compute balance minus scheduled leave minus the carry-over allowance from {{policy}}.",
      ],
      ["Flag outliers", "Also flag negative balances and people who have taken no leave in the last six months."],
      [
        "Draft reminders",
        "Draft one message per manager listing their reports with days at risk, written as a nudge, not a warning.",
      ],
    ],
    failures: [F.login, "Policies differ by location: run the check per policy group.", F.layout],
    safety: [
      "Do not approve, deny or edit time-off requests or balances.",
      "Balances are personal data: share each manager only their own team's numbers.",
    ],
  },
  {
    id: "hr-onboarding-check",
    category: "HR & people ops",
    title: "Check {a_hire}'s onboarding tasks in {site}",
    summary:
      "Reviews the onboarding checklist for a new {hire} in {site}, finds overdue or unassigned tasks, and drafts reminders to the people who own them.",
    sites: ["bamboohr.com", "gusto.com", "workday.com"],
    vars: { hire: ["remote engineer", "sales hire", "intern", "people manager", "executive assistant"] },
    agents: ["Claude for Chrome", "Browser Use", "Opera Neon"],
    tags: ["onboarding", "people-ops", "checklists"],
    creators: ["grace-hr"],
    objective:
      "Make sure the onboarding of {{employee}}, a new {hire} starting {{start_date}}, is on track in {site}: every task assigned, nothing overdue, and documents collected.",
    prerequisites: ["HR admin access to onboarding in {site}."],
    inputs: [
      ["employee", "New hire's name."],
      ["start_date", "Their start date."],
    ],
    steps: [
      ["Open the onboarding checklist", "Open {{employee}}'s profile in {site} and go to onboarding tasks."],
      ["Check each task", "For each task, record owner, due date and status. Flag tasks without an owner or past due."],
      [
        "Check documents",
        "Confirm required documents are signed or uploaded (offer letter, tax forms, policy acknowledgements); list missing ones without opening their contents.",
      ],
      [
        "Check role-specific items",
        "For {a_hire}, confirm equipment, accounts and first-week meetings are on the list; suggest any missing ones.",
      ],
      [
        "Draft reminders",
        "Draft a short reminder to each task owner with their overdue items and the start date {{start_date}}.",
      ],
    ],
    failures: [
      F.login,
      "The onboarding module is not enabled: report it and list what you could check from the profile.",
    ],
    safety: [
      "Do not mark tasks complete or edit employee records.",
      "Do not open or copy tax, bank or identity documents.",
    ],
  },
  {
    id: "hr-pay-benchmark",
    category: "HR & people ops",
    title: "Benchmark pay for a {role} using {site} and {site2}",
    summary:
      "Gathers salary data for a {role} from {site} and {site2} for your location and level, and summarises a defensible range with its caveats.",
    combos: [
      { site: "glassdoor.com", site2: "indeed.com", role: "customer success manager" },
      { site: "glassdoor.com", site2: "indeed.com", role: "backend engineer" },
      { site: "glassdoor.com", site2: "linkedin.com", role: "payroll specialist" },
      { site: "indeed.com", site2: "linkedin.com", role: "marketing coordinator" },
      { site: "glassdoor.com", site2: "indeed.com", role: "warehouse supervisor" },
      { site: "glassdoor.com", site2: "linkedin.com", role: "UX designer" },
    ],
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    tags: ["compensation", "salary-data"],
    creators: ["grace-hr", "marcus-recruits"],
    objective:
      "Estimate a market pay range for a {{level}} {role} in {{location}} from {site} and {site2}, with sample sizes and caveats, to support a pay-band decision.",
    prerequisites: ["Signed-in accounts may be needed to see full salary data on {site}."],
    inputs: [
      ["level", "Seniority, e.g. mid-level or senior."],
      ["location", 'City or metro area, or "US remote".'],
    ],
    steps: [
      [
        "Search {site}",
        "Search salaries for {role} in {{location}} on {site}. Record the median, range and number of reports, and filter by experience if possible.",
      ],
      ["Search {site2}", "Do the same on {site2}, noting whether figures come from job postings or self-reports."],
      [
        "Check posted ranges",
        "Open five current job postings for the role in {{location}} that publish a pay range and record them.",
      ],
      [
        "Reconcile",
        "Compare the sources, explain differences (base vs total pay, level mix), and propose a range for {{level}}.",
      ],
      ["Report", "Return a table of sources with sample sizes and the proposed range, with caveats stated plainly."],
    ],
    failures: [
      "Sample size under 10: flag the figure as unreliable.",
      F.captcha,
      "Only national data exists: say so and do not adjust by guesswork.",
    ],
    safety: ["Do not share or store individual salary reports; use aggregates.", S.readOnly],
  },
  {
    id: "crm-duplicates",
    category: "Sales & CRM",
    title: "Find duplicate {record} in {site} and propose merges",
    summary:
      "Searches {site} for duplicate {record}, decides which record should survive each merge based on activity and completeness, and merges only what you approve.",
    sites: ["salesforce.com", "hubspot.com", "pipedrive.com"],
    vars: { record: ["contacts", "companies", "deals"] },
    agents: ["Browser Use", "Playwright MCP", "Claude for Chrome"],
    tags: ["crm-hygiene", "data-quality"],
    creators: ["ben-sdr"],
    objective:
      "Find up to {{max_pairs}} sets of duplicate {record} in {site}, recommend a surviving record for each set, and merge only the approved sets.",
    prerequisites: ["Permission to merge {record} in {site}."],
    inputs: [["max_pairs", "Maximum duplicate sets to handle in one run (suggested 25)."]],
    steps: [
      [
        "Use the built-in tool first",
        "Open {site}'s duplicate management view for {record} if it exists, and list the suggested duplicate sets.",
      ],
      [
        "Search for more",
        "Sort {record} by name and scan for near-identical names, the same email domain or the same website.",
      ],
      [
        "Compare each set",
        "For each set, compare owner, created date, last activity, number of associated records and field completeness.",
      ],
      [
        "Pick the survivor",
        "Recommend the record with the most activity and associations as the survivor, and list fields to keep from the others.",
      ],
      [
        "Approve and merge",
        "Show the proposals; merge only approved sets using {site}'s merge feature, choosing the kept field values explicitly.",
      ],
    ],
    failures: [
      "A merge is blocked by a validation rule or integration lock: skip and report the message.",
      F.login,
      F.ambiguous,
    ],
    safety: [
      "Merges cannot be undone in most CRMs: never merge without approval of the exact set.",
      "Do not delete records.",
    ],
  },
  {
    id: "crm-precall-brief",
    category: "Sales & CRM",
    title: "Prepare a pre-call brief on a prospect using {site} and {site2}",
    summary:
      "Pulls the account history from {site} and public context from {site2} into a one-page brief with talking points for your next sales call.",
    combos: [
      { site: "salesforce.com", site2: "linkedin.com" },
      { site: "hubspot.com", site2: "linkedin.com" },
      { site: "pipedrive.com", site2: "linkedin.com" },
      { site: "apollo.io", site2: "linkedin.com" },
      { site: "hubspot.com", site2: "crunchbase.com" },
      { site: "salesforce.com", site2: "crunchbase.com" },
    ],
    agents: ["Claude for Chrome", "Perplexity Comet", "ChatGPT Atlas", "Dia"],
    tags: ["sales-calls", "account-research"],
    creators: ["ben-sdr", "demo-creator"],
    objective:
      "Write a one-page brief for the call with {{contact}} at {{company}}: CRM history from {site}, company context from {site2}, and three tailored talking points.",
    prerequisites: ["Access to the account in {site}.", "Signed in to {site2} if it limits signed-out views."],
    inputs: [
      ["company", "Prospect company name."],
      ["contact", "Person you are meeting."],
      ["our_offer", "One sentence on what you sell."],
    ],
    steps: [
      [
        "Read the CRM history",
        "In {site}, open {{company}} and read the last activities, open deals, stage, and notes from earlier calls.",
      ],
      [
        "Read the public context",
        "On {site2}, read the company overview and recent news or funding, and the role and tenure of {{contact}}.",
      ],
      [
        "Connect the dots",
        "Note changes since the last touchpoint (new funding, hires, launches) that relate to {{our_offer}}.",
      ],
      [
        "Write talking points",
        "Write three talking points and two discovery questions, each tied to a fact you found, with the source.",
      ],
      ["Deliver", "Return the brief in under 300 words with links."],
    ],
    failures: [F.login, "Company name matches several records: confirm the website domain.", F.rateLimit],
    safety: [
      "Do not message the contact or log activities.",
      "Stick to professional, public information; do not dig into personal social accounts.",
    ],
  },
  {
    id: "crm-apollo-list",
    category: "Sales & CRM",
    title: "Build a prospect list of {segment} in Apollo",
    summary:
      "Uses Apollo's filters to assemble a focused list of {segment}, checks each company against your ideal customer profile, and saves the list without sending anything.",
    sites: ["apollo.io"],
    vars: {
      segment: [
        "Series B fintech companies",
        "US dental groups with 5+ locations",
        "European logistics firms",
        "mid-size law firms",
        "B2B SaaS companies hiring SDRs",
      ],
    },
    agents: ["Browser Use", "Manus", "Claude for Chrome"],
    tags: ["prospecting", "lead-lists", "icp"],
    creators: ["ben-sdr"],
    objective:
      "Create a saved Apollo list of up to {{count}} accounts and decision-makers matching {segment} and {{icp}}, with a short fit note per account.",
    prerequisites: ["An Apollo account with search credits."],
    inputs: [
      ["icp", "Your ideal customer profile: size, geography, tech, signals."],
      ["titles", "Job titles of the people you sell to."],
      ["count", "Number of accounts (suggested 50)."],
    ],
    steps: [
      [
        "Set company filters",
        "In Apollo Search, set company filters that express {segment}: industry, headcount, location, and funding or hiring signals.",
      ],
      [
        "Review companies",
        "Open each result's company view and check fit against {{icp}}; drop poor fits and note why.",
      ],
      ["Find people", "For each kept company, filter people by {{titles}} and pick at most two contacts."],
      ["Save the list", "Add kept contacts to a new list named after the segment and today's date."],
      [
        "Report",
        "Return the list name, count and a table of companies with fit notes. Do not reveal or export email addresses unless asked.",
      ],
    ],
    failures: [
      "Credits run out: stop and report how far you got.",
      F.login,
      "Filters return too many results: add one more signal and say which.",
    ],
    safety: ["Never add contacts to sequences or send emails.", S.privacy],
  },
  {
    id: "crm-stalled-deals",
    category: "Sales & CRM",
    title: "Find {site} deals with no activity in {days} and draft follow-ups",
    summary:
      "Lists open {site} deals that have gone quiet for {days}, reads their history, and drafts a specific follow-up for each one for you to send.",
    sites: ["salesforce.com", "hubspot.com", "pipedrive.com"],
    vars: { days: ["14 days", "30 days"] },
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Manus"],
    tags: ["pipeline", "follow-up", "deals"],
    creators: ["ben-sdr"],
    objective:
      "Find open deals owned by {{owner}} in {site} with no logged activity in {days}, and draft one follow-up email per deal based on its history.",
    prerequisites: ["Access to the deals in {site}."],
    inputs: [
      ["owner", "Deal owner, usually you."],
      ["signature", "How to sign the emails."],
    ],
    steps: [
      [
        "Filter the deals",
        "In {site}, filter open deals owned by {{owner}} whose last activity date is more than {days} ago. Sort by amount.",
      ],
      [
        "Read each deal",
        "Open each deal and read the last emails, notes and stage history to understand where it stalled.",
      ],
      [
        "Choose the angle",
        "Pick a follow-up angle that fits: answer an open question, share something relevant, or ask a clear yes/no about next steps.",
      ],
      [
        "Draft the email",
        "Draft a short email (under 120 words) referencing the last real conversation, signed {{signature}}.",
      ],
      ["Hand over", "Return a table with deal, amount, days quiet, angle and the draft. Do not send or log anything."],
    ],
    failures: [F.login, "The last activity date is unreliable because emails are not logged: mention it.", F.layout],
    safety: ["Do not send emails, change stages or close deals.", S.privacy],
  },
];
