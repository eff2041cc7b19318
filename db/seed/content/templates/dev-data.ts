import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

export const devDataTemplates: FlowTemplate[] = [
  {
    id: "dev-triage-queue",
    category: "Developer tools",
    title: "Triage new {item} in {site}",
    summary:
      "Works through the untriaged {item} in {site}, checks for duplicates, proposes priority and owner for each, and applies only the changes you approve.",
    combos: [
      { site: "github.com", item: "Dependabot pull requests" },
      { site: "gitlab.com", item: "merge requests waiting for review" },
      { site: "linear.app", item: "bug reports" },
      { site: "atlassian.net", item: "support escalations" },
      { site: "sentry.io", item: "unassigned error issues" },
      { site: "github.com", item: "Discussions questions" },
    ],
    agents: ["Browser Use", "Claude for Chrome", "Playwright MCP", "Manus"],
    tags: ["triage", "backlog"],
    creators: ["rafael-dev", "priya-ops", "demo-creator"],
    objective:
      "Review every untriaged item among the {item} in {site} for {{project}}, propose a priority, label and owner for each, and apply the approved proposals so nothing sits unowned for more than a day.",
    prerequisites: [
      "Signed in to {site} with permission to label and assign items in {{project}}.",
      "A written priority scale (for example P0-P3) that the team already uses.",
    ],
    inputs: [
      ["project", "Repository, project or team name in {site}."],
      ["priority_scale", "How the team defines priorities, one line per level."],
      ["owners", 'Who owns which area, e.g. "billing: Ana, auth: Luis".'],
    ],
    steps: [
      [
        "Open the untriaged queue",
        "Open {{project}} in {site} and filter the {item} to those without a priority, label or assignee, oldest first. Note the total.",
      ],
      [
        "Read each item",
        "Open each item and read the full description, comments and any linked items. Write one sentence describing the problem in plain words.",
      ],
      [
        "Look for duplicates",
        "Search {site} for the key error text or feature name. If an existing item covers it, note the link and propose closing as a duplicate rather than triaging twice.",
      ],
      [
        "Propose priority and owner",
        "Using {{priority_scale}} and {{owners}}, propose a priority, a label and an owner, each with a short reason tied to user impact.",
      ],
      ["Get approval", "Show all proposals in one table and wait for the user to approve or change each line."],
      [
        "Apply approved changes",
        "Set the approved priority, label and assignee on each item. Add a short comment only when the user asked for one.",
      ],
      [
        "Report",
        "Summarise how many items were triaged, how many were duplicates and which ones still need a decision.",
      ],
    ],
    failures: [
      F.login,
      "An item has too little information to judge: propose a `needs-info` label and a question for the reporter instead of a priority.",
      F.rateLimit,
    ],
    safety: ["Never close, delete or merge items without explicit approval.", S.irreversible, S.credentials],
  },
  {
    id: "dev-repo-audit",
    category: "Developer tools",
    title: "Audit {check} across your {site} repositories",
    summary:
      "Visits each repository in an organisation on {site}, records the state of {check}, and produces a gap table with the exact setting to change in each place.",
    sites: ["github.com", "gitlab.com"],
    vars: {
      check: [
        "branch protection rules",
        "stale branches",
        "secret scanning alerts",
        "CI workflow versions",
        "CODEOWNERS coverage",
      ],
    },
    agents: ["Playwright MCP", "Browser Use", "Claude for Chrome"],
    tags: ["security", "audit", "repositories"],
    creators: ["priya-ops", "rafael-dev"],
    objective:
      "For every active repository in {{org}} on {site}, check {check}, compare it with the team's standard {{standard}}, and report which repositories fall short and how to fix each one.",
    prerequisites: [
      "Signed in to {site} with admin or maintainer access to the repositories in {{org}}; some settings pages are invisible to lower roles.",
    ],
    inputs: [
      ["org", "Organisation or group name on {site}."],
      ["standard", 'What good looks like, e.g. "main requires 1 review and passing CI".'],
      ["skip", "Repositories to ignore, such as archived forks or sandboxes."],
    ],
    steps: [
      [
        "List repositories",
        "Open the {{org}} repository list on {site}, sort by last updated and list every repository that is not archived and not in {{skip}}.",
      ],
      [
        "Open the relevant settings",
        "For each repository, open the settings or security page that shows {check}. Record what you see exactly, including default values.",
      ],
      [
        "Compare with the standard",
        "Mark each repository as compliant, partly compliant or missing against {{standard}}, with the specific difference.",
      ],
      [
        "Note the fix",
        "For each gap, write the exact path to the setting (for example Settings > Branches) and the value it should have.",
      ],
      [
        "Prioritise",
        "Order the gaps so that repositories deployed to production or with the most recent activity come first.",
      ],
      [
        "Deliver the table",
        "Return a table with repository, status, difference and fix. Do not change any settings yourself.",
      ],
    ],
    failures: [
      F.login,
      'A settings page returns 404: you lack admin access to that repository; list it as "not checked".',
      F.layout,
    ],
    safety: [
      S.readOnly,
      S.credentials,
      "Do not paste alert contents or secret values into the report; refer to alerts by number.",
    ],
  },
  {
    id: "dev-release-notes",
    category: "Developer tools",
    title: "Draft {audience} release notes from merged {site} changes since the last tag",
    summary:
      "Collects everything merged on {site} since the previous release tag, groups it into features, fixes and breaking changes, and drafts release notes written for {audience}.",
    sites: ["github.com", "gitlab.com"],
    vars: { audience: ["customer-facing", "internal", "developer-facing"] },
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Perplexity Comet"],
    tags: ["release-notes", "changelog"],
    creators: ["rafael-dev", "demo-creator"],
    objective:
      "Produce {audience} release notes for {{repo}} covering every change merged since tag {{previous_tag}}, grouped and worded for the readers, ready for the user to paste into the release page.",
    prerequisites: ["Read access to {{repo}} on {site}.", "Merged changes have reasonably descriptive titles."],
    inputs: [
      ["repo", "Repository path on {site}."],
      ["previous_tag", "The last released tag, e.g. v2.3.0."],
      ["new_version", "The version being released."],
    ],
    steps: [
      [
        "Compare the tags",
        "Open the compare view between {{previous_tag}} and the default branch on {site}. List every merged pull or merge request with its title, author and labels.",
      ],
      [
        "Read unclear changes",
        "For titles that do not explain themselves, open the change and read its description and linked issue.",
      ],
      [
        "Group the changes",
        "Sort changes into Breaking changes, New features, Fixes, Performance and Internal. Internal items are left out of {audience} notes unless they affect users.",
      ],
      [
        "Rewrite for the reader",
        "Rewrite each entry as one sentence about the effect on the reader, not the implementation, and keep the link to the change.",
      ],
      [
        "Call out upgrade steps",
        "For each breaking change, add what the reader must do to upgrade, quoted from the change description where possible.",
      ],
      [
        "Deliver the draft",
        "Return Markdown titled {{new_version}} with the sections in order and credit external contributors by handle.",
      ],
    ],
    failures: [
      "The compare view is too large to load: narrow it by listing merged changes filtered by merge date since the tag instead.",
      F.login,
      'A change has no description and an unclear title: list it under "Needs a human description" rather than inventing one.',
    ],
    safety: [
      "Do not create tags, releases or edit existing release notes.",
      "Leave out security fixes that are still under embargo; ask the user if unsure.",
    ],
  },
  {
    id: "dev-npm-vet",
    category: "Developer tools",
    title: "Vet an npm {kind} before adding it to your project",
    summary:
      "Checks a candidate {kind} on npm and its GitHub repository for maintenance, downloads, open issues, licence and install footprint, and compares it with one alternative.",
    sites: ["npmjs.com"],
    sites2: ["github.com"],
    vars: {
      kind: [
        "date library",
        "HTTP client",
        "state management library",
        "CSV parser",
        "Markdown renderer",
        "form validation library",
      ],
    },
    agents: ["Perplexity Comet", "Claude for Chrome", "Dia"],
    tags: ["dependencies", "open-source", "due-diligence"],
    creators: ["rafael-dev", "priya-ops"],
    objective:
      "Decide whether the package {{package}} is a safe {kind} to depend on, compared with {{alternative}}, based on evidence from npm and GitHub.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["package", "npm package name to evaluate."],
      ["alternative", "One alternative package to compare with."],
      ["licence_policy", "Licences your company accepts, e.g. MIT, Apache-2.0, BSD."],
    ],
    steps: [
      [
        "Open the npm page",
        "Open npmjs.com/package/{{package}}. Record the latest version, publish date, weekly downloads, licence, number of dependencies and unpacked size.",
      ],
      [
        "Check the repository",
        "Follow the Repository link to GitHub. Record stars, the date of the last commit on the default branch, open issues and open pull requests.",
      ],
      [
        "Read recent issues",
        "Open the ten most recently updated issues. Note unanswered bug reports, security mentions and whether maintainers respond.",
      ],
      [
        "Check licence and types",
        "Confirm the licence is in {{licence_policy}} and whether TypeScript types are bundled or come from DefinitelyTyped.",
      ],
      ["Repeat for the alternative", "Collect the same facts for {{alternative}}."],
      ["Recommend", "Return a side-by-side table and a recommendation with the two or three facts that drove it."],
    ],
    failures: [
      "The package has no repository link: treat that as a risk and say so.",
      "The repository is archived or read-only: recommend against adoption.",
      F.rateLimit,
    ],
    safety: ["Do not install packages or run code; this flow only reads public pages.", S.readOnly],
  },
  {
    id: "dev-so-fix",
    category: "Developer tools",
    title: "Find a trustworthy Stack Overflow fix for a {lang} error message",
    summary:
      "Searches Stack Overflow for your exact {lang} error, checks answers for version fit and recency, and returns the most likely fix with the reasoning and links.",
    sites: ["stackoverflow.com"],
    vars: { lang: ["TypeScript", "Python", "Go", "Rust", "Java", "PostgreSQL"] },
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome", "Dia"],
    tags: ["debugging", "errors"],
    creators: ["rafael-dev", "priya-ops", "demo-creator"],
    objective:
      "Find the answer on Stack Overflow that most likely fixes {{error_message}} in a {lang} project using {{versions}}, and explain why it applies.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["error_message", "The exact error text, without file paths or secrets."],
      ["versions", "Language, framework and library versions in use."],
      ["context", "One or two sentences about what the code was doing."],
    ],
    steps: [
      [
        "Search precisely",
        "Search Stack Overflow for the stable part of {{error_message}} in quotes, plus the [{lang}] tag. Remove project-specific names first.",
      ],
      [
        "Shortlist questions",
        "Open the three to five questions that best match {{context}}. Skip questions closed as off-topic.",
      ],
      [
        "Judge the answers",
        "For each, read the accepted and the top-voted answers plus their comments. Note the versions they were written for and comments saying the fix stopped working.",
      ],
      ["Check against your versions", "Discard answers that rely on APIs removed or changed in {{versions}}."],
      [
        "Explain the fix",
        "Return the best fix with a short explanation of the cause, the code change, and links to the question and answer. Mention a second option if the first does not apply.",
      ],
    ],
    failures: [
      "No close match: report the closest questions and suggest what extra detail would narrow the search.",
      F.captcha,
    ],
    safety: [
      "Do not post questions, answers or comments on the user's behalf.",
      "Strip secrets and internal hostnames from anything you paste into the search box.",
    ],
  },
  {
    id: "dev-aws-waste",
    category: "Developer tools",
    title: "Find {resource} in the AWS Console and estimate the savings",
    summary:
      "Reviews {resource} region by region in the AWS Console, confirms they are really unused, and lists what could be removed with estimated monthly savings. Nothing is deleted.",
    sites: ["console.aws.amazon.com"],
    vars: {
      resource: [
        "idle EC2 instances",
        "unattached EBS volumes",
        "old RDS snapshots",
        "unused Elastic IP addresses",
        "S3 buckets without lifecycle rules",
      ],
    },
    agents: ["Playwright MCP", "Browser Use", "Manus"],
    tags: ["cloud-costs", "aws", "cleanup"],
    creators: ["priya-ops"],
    objective:
      "List {resource} in the AWS account {{account_alias}} across {{regions}}, with evidence that each is unused and an estimated monthly cost, so the owner can decide what to clean up.",
    prerequisites: ["Signed in to the AWS Console with a read-only or billing-viewer role for the account."],
    inputs: [
      ["account_alias", "The AWS account alias or ID shown in the console header."],
      ["regions", "Regions to check, e.g. us-east-1, eu-west-1."],
      ["keep_tags", "Tags that mark resources to keep, e.g. keep=true or env=prod."],
    ],
    steps: [
      [
        "Confirm the account",
        "Check the account alias in the top-right menu matches {{account_alias}} before reading anything.",
      ],
      [
        "Open the right service page",
        "Go to the service console that lists {resource} and switch to the first region in {{regions}}.",
      ],
      [
        "Filter candidates",
        "Sort or filter to find {resource}. Record ID, name tag, size or type, creation date and tags. Exclude anything tagged with {{keep_tags}}.",
      ],
      [
        "Check for recent use",
        "For each candidate, look at the monitoring tab or last-activity information the console shows for the last 14 days and note it.",
      ],
      [
        "Estimate the cost",
        "Estimate monthly cost from the size or type using the AWS pricing shown in the console or on the AWS pricing page, and state the assumption.",
      ],
      ["Repeat per region", "Repeat for each region in {{regions}}."],
      [
        "Report",
        "Return a table of candidates with evidence and estimated savings, sorted by savings, plus the total.",
      ],
    ],
    failures: [
      "Access denied on a service page: the role lacks permission; note which page and continue with others.",
      F.login,
      "Costs are ambiguous (reserved or savings-plan coverage): mark the estimate as an upper bound.",
    ],
    safety: [
      "Never stop, terminate, delete, or modify any resource.",
      S.credentials,
      "Do not switch roles or accounts without asking.",
    ],
  },
  {
    id: "data-extract-csv",
    category: "Data extraction",
    title: "Extract {listing} from {site} into a CSV",
    summary:
      "Collects {listing} from {site}, page by page and at a polite pace, into a clean CSV with consistent columns and a source link for every row.",
    combos: [
      { site: "zillow.com", listing: "recently sold homes in a ZIP code" },
      { site: "yelp.com", listing: "restaurants in a neighbourhood with ratings" },
      { site: "crunchbase.com", listing: "companies that raised a seed round this month" },
      { site: "data.gov", listing: "datasets on a topic with their formats" },
      { site: "producthunt.com", listing: "this week's top launches" },
      { site: "wikipedia.org", listing: "a table from an article" },
      { site: "indeed.com", listing: "job postings for a title and city" },
    ],
    agents: ["Browser Use", "Playwright MCP", "Manus"],
    tags: ["scraping", "csv", "datasets"],
    creators: ["mei-data"],
    objective:
      "Extract {listing} matching {{criteria}} from {site} into a CSV with the columns {{columns}}, one row per item, with the page URL as the last column.",
    prerequisites: [
      "Check that the use is permitted by {site}'s terms for personal or research purposes.",
      "A place to save the CSV (download folder or a Google Sheet).",
    ],
    inputs: [
      ["criteria", "Filters to apply, e.g. a location, date range or keyword."],
      ["columns", "Columns you want, in order."],
      ["max_rows", "Upper limit on rows (suggested 200)."],
    ],
    steps: [
      [
        "Apply the filters",
        "Open {site} and use its own search and filter controls to match {{criteria}}. Note the result count shown.",
      ],
      [
        "Map the columns",
        "Open one result and find where each field in {{columns}} appears. Write the mapping down so every row is read the same way.",
      ],
      [
        "Read page by page",
        "Go through the results in order, reading each field from the list view where possible and opening detail pages only for missing fields. Pause a few seconds between pages.",
      ],
      [
        "Normalise values",
        'Use one format per column: ISO dates, plain numbers without currency symbols (put the currency in the header), and empty cells instead of "N/A".',
      ],
      ["Stop at the limit", "Stop when {{max_rows}} rows are collected or the results end, whichever comes first."],
      ["Deliver the CSV", "Return the CSV with a header row, plus a note on rows skipped and why."],
    ],
    failures: [
      F.captcha,
      F.rateLimit,
      "Results are loaded by infinite scroll: scroll in small steps and de-duplicate rows by URL.",
    ],
    safety: [
      "Collect only the fields listed in {{columns}}; skip personal contact details even when visible.",
      "Keep the pace human: no parallel tabs hammering the site.",
    ],
  },
  {
    id: "data-page-json",
    category: "Data extraction",
    title: "Turn a {site} {page} into structured JSON",
    summary:
      "Reads a single {page} on {site} and returns well-typed JSON that follows your schema, with nulls for missing fields and no invented values.",
    combos: [
      { site: "wikipedia.org", page: "infobox" },
      { site: "yelp.com", page: "business page" },
      { site: "crunchbase.com", page: "company profile" },
      { site: "tripadvisor.com", page: "attraction page" },
      { site: "github.com", page: "repository page" },
      { site: "zillow.com", page: "listing page" },
    ],
    agents: ["Playwright MCP", "Browser Use", "Claude for Chrome"],
    tags: ["json", "structured-data"],
    creators: ["mei-data", "demo-creator"],
    objective:
      "Convert the {page} at {{url}} into JSON that validates against {{schema}}, using only values visible on the page.",
    prerequisites: ["A JSON schema or a sample object describing the output."],
    inputs: [
      ["url", "URL of the {site} {page}."],
      ["schema", "JSON schema or example object with the fields you need."],
    ],
    steps: [
      [
        "Open the page",
        'Open {{url}} and wait until the main content has loaded. Expand collapsed sections such as "Show more" or "Read more".',
      ],
      ["Locate each field", "For every field in {{schema}}, find the value on the page and note the label next to it."],
      [
        "Convert types",
        "Convert numbers, dates and booleans to proper JSON types. Keep units in a separate field when the schema has one.",
      ],
      [
        "Fill gaps honestly",
        "Set a field to null when it is not on the page. Never infer values from other sites or memory.",
      ],
      [
        "Validate and return",
        "Check the object against {{schema}}, then return it in a JSON code block along with a list of null fields.",
      ],
    ],
    failures: [
      "The page layout differs from what the schema expects: return the fields you found and describe the mismatch.",
      F.captcha,
      F.login,
    ],
    safety: [S.readOnly, S.privacy],
  },
  {
    id: "data-local-list",
    category: "Data extraction",
    title: "Compile a list of {business} with ratings from {site}",
    summary:
      "Searches {site} for {business} in an area, reads ratings, review counts and opening hours, and returns a tidy comparison list.",
    sites: ["yelp.com", "tripadvisor.com"],
    vars: {
      business: [
        "coffee shops",
        "dentists",
        "coworking spaces",
        "bike repair shops",
        "vegan restaurants",
        "pet groomers",
      ],
    },
    agents: ["Perplexity Comet", "Gemini in Chrome", "Browser Use", "Opera Neon"],
    tags: ["local-search", "reviews"],
    creators: ["mei-data", "noah-travels"],
    objective:
      "Build a list of up to {{max_results}} {business} in {{area}} from {site}, with rating, review count, price level, hours and a link, filtered by {{must_haves}}.",
    prerequisites: ["No sign-in needed."],
    inputs: [
      ["area", "Neighbourhood, city or ZIP code."],
      ["must_haves", 'Filters such as "open Sundays" or "wheelchair accessible".'],
      ["max_results", "How many places to include (suggested 15)."],
    ],
    steps: [
      [
        "Search the area",
        "Search {site} for {business} near {{area}} and apply any built-in filters that match {{must_haves}}.",
      ],
      [
        "Open each place",
        "Open the top results one by one and read rating, number of reviews, price level, hours and address.",
      ],
      [
        "Check recent reviews",
        "Read the five most recent reviews and note recurring praise or complaints, and whether the place looks permanently closed.",
      ],
      [
        "Apply must-haves",
        "Drop places that do not meet {{must_haves}} based on the page information, and say what you checked.",
      ],
      ["Return the list", "Return a table sorted by rating and review count with a one-line note per place."],
    ],
    failures: [
      "Sponsored results appear first: label them or skip them.",
      F.captcha,
      "Hours are missing: leave them empty rather than guessing.",
    ],
    safety: ["Do not post reviews, message businesses or book anything.", S.readOnly],
  },
  {
    id: "data-monitor-changes",
    category: "Data extraction",
    title: "Monitor {site} for {change} and log them to a Google Sheet",
    summary:
      "Checks {site} for {change} since the last run, appends one dated row per change to a Google Sheet, and skips anything already logged.",
    combos: [
      { site: "wikipedia.org", site2: "docs.google.com", change: "edits to pages you follow" },
      { site: "zillow.com", site2: "docs.google.com", change: "price cuts on saved homes" },
      { site: "regulations.gov", site2: "docs.google.com", change: "new documents on a docket" },
      { site: "npmjs.com", site2: "docs.google.com", change: "new versions of key packages" },
      { site: "producthunt.com", site2: "docs.google.com", change: "launches by competitors" },
      { site: "sam.gov", site2: "docs.google.com", change: "new notices matching your keywords" },
    ],
    agents: ["Manus", "Browser Use", "Playwright MCP"],
    tags: ["monitoring", "google-sheets", "alerts"],
    creators: ["mei-data", "growth-jules"],
    objective:
      "Detect {change} on {site} since {{last_run}} and append each one to the Google Sheet {{sheet_url}}, with date, item, what changed and a link.",
    prerequisites: [
      "Edit access to the Google Sheet with columns Date, Item, Change, Link.",
      "The list of items or keywords to watch.",
    ],
    inputs: [
      ["watch_list", "Items, pages or keywords to watch on {site}."],
      ["last_run", "Date and time of the previous run."],
      ["sheet_url", "URL of the Google Sheet log."],
    ],
    steps: [
      ["Read the log", "Open {{sheet_url}} and read the last 50 rows so you can skip changes that are already logged."],
      [
        "Check each watched item",
        "For every entry in {{watch_list}}, open the relevant page or search on {site} and look for {change} after {{last_run}}.",
      ],
      [
        "Describe each change",
        "For each change, write a short factual description (for example old and new value) and copy the direct link.",
      ],
      ["Append rows", "Append one row per new change at the bottom of the sheet. Do not sort or edit earlier rows."],
      ["Report", "Tell the user how many items were checked and list the new rows, or say that nothing changed."],
    ],
    failures: [
      "The sheet's columns differ from the expected ones: ask before writing.",
      F.rateLimit,
      'A watched item no longer exists: log it once as "removed".',
    ],
    safety: ["Only append; never delete or overwrite existing rows.", S.readOnly],
  },
];
