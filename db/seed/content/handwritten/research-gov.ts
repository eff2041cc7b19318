import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const researchGovFlows: SeedFlow[] = [
  defineFlow({
    title: "Build an annotated reading list from Google Scholar",
    summary:
      "Searches Google Scholar for a research question, balances highly cited classics with recent work, and returns an annotated list with full citations and open-access links.",
    category: "Research",
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    sites: ["scholar.google.com"],
    tags: ["literature-review", "academic", "citations"],
    isPremium: false,
    creatorHandle: "dr-okafor",
    publishedDaysAgo: 270,
    objective:
      "Produce an annotated reading list of {{count}} papers on {{question}}, mixing foundational highly cited work with papers from the last {{recent_years}} years, each with a citation, a two-sentence annotation and an accessible link.",
    prerequisites: [
      "No account needed. Google Scholar throttles fast, repeated queries; the flow keeps searches few and deliberate.",
    ],
    inputs: [
      ["question", 'The research question or topic, e.g. "effect of remote work on junior developer learning".'],
      ["count", "Number of papers to include (suggested 12)."],
      ["recent_years", "What counts as recent, e.g. 3."],
    ],
    steps: [
      [
        "Plan the queries",
        "Write two or three search strings from {{question}} using synonyms and quotes for exact phrases. Show them to the user before searching.",
      ],
      [
        "Find the foundations",
        'Run the first query with default sorting. Among the top 20, note papers with high "Cited by" counts that are directly on topic.',
      ],
      [
        "Find recent work",
        "Use the left sidebar's custom range to limit to the last {{recent_years}} years and repeat. Prefer peer-reviewed venues over preprints, but keep strong preprints labelled as such.",
      ],
      [
        "Check each paper",
        "Open the abstract (publisher page or the [PDF] link). Confirm it addresses the question, and note method (survey, experiment, meta-analysis) and sample.",
      ],
      [
        "Get citations",
        "Click the quote icon (Cite) and copy the APA citation. Record the open-access link if Scholar shows one on the right.",
      ],
      [
        "Write annotations",
        "For each paper, write two sentences: what they did and found, and why it matters for {{question}}. Do not claim findings not in the abstract or paper.",
      ],
      [
        "Deliver",
        "Return the list split into Foundational and Recent, each entry with citation, annotation, method, cited-by count and link.",
      ],
    ],
    failures: [
      'Scholar shows "Please show you\'re not a robot": stop and ask the user to solve the captcha; do not retry automatically.',
      "Only paywalled versions exist: include the DOI link and mark it as paywalled.",
      "Too few relevant results: broaden one term and tell the user which.",
    ],
    safety: [
      "Never fabricate citations; every entry must come from a page you opened.",
      "Do not download PDFs from unofficial mirrors.",
    ],
  }),
  defineFlow({
    title: "Track new arXiv papers on a topic and summarize the abstracts",
    summary:
      "Checks arXiv's recent listings for your categories and keywords, filters out false hits, and writes a short digest of the papers worth opening this week.",
    category: "Research",
    agents: ["Perplexity Comet", "Manus", "Browser Use"],
    sites: ["arxiv.org"],
    tags: ["papers", "digest", "machine-learning"],
    isPremium: true,
    creatorHandle: "dr-okafor",
    publishedDaysAgo: 16,
    objective:
      "List papers submitted to arXiv in the last {{days}} days in {{categories}} that match {{keywords}}, and write a digest with a plain-language summary of each relevant abstract.",
    prerequisites: ["No account needed."],
    inputs: [
      ["categories", "arXiv categories, e.g. cs.CL, q-bio.GN."],
      ["keywords", "Keywords or phrases that define relevance."],
      ["days", "Look-back window in days (suggested 7)."],
    ],
    steps: [
      [
        "Use advanced search",
        "Open https://arxiv.org/search/advanced. Add {{keywords}} as terms in Title and Abstract, restrict to {{categories}}, and set the submission date range to the last {{days}} days. Sort by announcement date, newest first.",
      ],
      [
        "Scan results",
        "For each result, read title and abstract. Keep it only if the abstract is actually about {{keywords}}, not a passing mention.",
      ],
      [
        "Open the abstract page",
        'For kept papers, open the abs page and note authors, primary category, comments (page count, venue like "accepted at ACL") and links to code if mentioned.',
      ],
      [
        "Summarise",
        "Write a three-sentence summary: problem, approach, main result with numbers if stated. Avoid hype words the paper does not support.",
      ],
      ["Rank", "Order by relevance to {{keywords}}, then by signals like accepted venue or released code."],
      [
        "Deliver the digest",
        'Return the digest as Markdown with title, arXiv ID link, authors, summary and a "why it matters" line, plus a count of papers scanned versus kept.',
      ],
    ],
    failures: [
      "Search returns over 200 results: tighten keywords to the title field and mention the change.",
      "arXiv is in its announcement freeze (weekends): there may be no new papers; say so.",
      "A paper has been withdrawn: skip it.",
    ],
    safety: [
      "Summarise only from the abstract page or PDF you opened; never invent results.",
      "Keep request volume low; arXiv asks automated clients to be gentle.",
    ],
  }),
  defineFlow({
    title: "Pull a docket's latest filings from CourtListener",
    summary:
      "Opens a federal case docket on CourtListener, lists entries filed since a date, downloads the free documents already in the RECAP archive and builds a dated filing log.",
    category: "Government & legal",
    agents: ["Claude for Chrome", "Browser Use", "Playwright MCP"],
    sites: ["courtlistener.com"],
    tags: ["dockets", "litigation", "court-records"],
    isPremium: true,
    creatorHandle: "sofia-paralegal",
    publishedDaysAgo: 61,
    objective:
      "For the case {{case}}, list every docket entry filed on or after {{since_date}} on CourtListener, with entry number, date, description and a link to the document where it is available in the RECAP archive.",
    prerequisites: [
      "A free CourtListener account helps with docket alerts but is not required to read dockets.",
      "Understand that CourtListener mirrors PACER only partially; some documents are not available for free.",
    ],
    inputs: [
      ["case", 'Case name, docket number and court, e.g. "Doe v. Acme Corp, 1:24-cv-01234 (S.D.N.Y.)".'],
      ["since_date", "Only entries filed on or after this date."],
    ],
    steps: [
      [
        "Find the docket",
        "Search CourtListener's RECAP Archive for the docket number and court. Confirm the case name and court match {{case}} exactly before continuing.",
      ],
      [
        "Sort and filter entries",
        "On the docket page, sort entries by date filed descending and read back to {{since_date}}.",
      ],
      [
        "Record each entry",
        'For each entry, record the entry number, date filed, full description and whether a document link ("Download PDF") is available or only "Buy on PACER".',
      ],
      [
        "Note deadlines",
        "Highlight scheduling orders, minute entries with hearing dates, and motions with response deadlines. Quote the exact text; do not calculate deadlines yourself.",
      ],
      [
        "Check freshness",
        'Read the "Last updated" note on the docket. If it is older than the newest expected activity, mention that PACER may have newer entries.',
      ],
      [
        "Deliver the log",
        "Return a filing log table and a short list of items needing attorney review (orders, deadlines, sealed entries).",
      ],
    ],
    failures: [
      "Multiple dockets match: list them with courts and ask which one.",
      'Entries are missing descriptions: CourtListener may have only partial data; mark as "description unavailable".',
      "The site asks you to slow down: wait and reduce page loads.",
    ],
    safety: [
      "Never purchase documents on PACER; flag them for the user instead.",
      "This is a research aid and not legal advice; deadline calculations belong to the attorney.",
      "Handle any personal information in filings as confidential; do not paste it elsewhere.",
    ],
  }),
  defineFlow({
    title: "Check a USCIS case status and log what changed",
    summary:
      "Looks up one or more USCIS receipt numbers, records the current status text and date, compares it with the last known status, and drafts a short client update when something changed.",
    category: "Government & legal",
    agents: ["Claude for Chrome", "Opera Neon"],
    sites: ["uscis.gov"],
    tags: ["immigration", "case-status", "paralegal"],
    isPremium: true,
    creatorHandle: "sofia-paralegal",
    publishedDaysAgo: 143,
    objective:
      "Check the status of each receipt number in {{receipt_numbers}} on the USCIS case status page, compare with {{last_statuses}}, and produce a change log plus draft client updates for cases that changed.",
    prerequisites: [
      "Receipt numbers for cases the user is authorised to track.",
      "No USCIS account needed for the public case status page.",
    ],
    inputs: [
      ["receipt_numbers", "List of 13-character receipt numbers, e.g. IOE0912345678."],
      ["last_statuses", "Last known status headline and date for each receipt, if any."],
    ],
    steps: [
      [
        "Open the case status page",
        "Go to the official USCIS Case Status Online page on uscis.gov. Confirm the address bar shows uscis.gov before entering anything.",
      ],
      [
        "Check each receipt",
        'Enter one receipt number at a time, without dashes, and submit. Record the status headline (e.g. "Case Was Approved") and the full paragraph including dates.',
      ],
      [
        "Compare",
        "Compare with {{last_statuses}}. Mark each case as unchanged, changed, or new, and quote the new text for changed ones.",
      ],
      [
        "Note required actions",
        "If the status mentions a Request for Evidence, interview, biometrics or a notice mailed, flag it as action required.",
      ],
      [
        "Draft client updates",
        "For changed cases, draft a short, plain-language update for the client: what the status says, what it usually means, and that the attorney will follow up. Mark drafts for attorney review.",
      ],
      [
        "Deliver",
        "Return a table with receipt number (last four characters only), status, date, change, and action required, followed by the drafts.",
      ],
    ],
    failures: [
      '"Validation error" or invalid receipt number: re-check the format (three letters plus ten digits) and report it.',
      "The page shows a captcha or is under maintenance: stop and try later; do not use third-party status sites.",
      'Status text is generic ("Case Is Being Actively Reviewed"): report it unchanged; do not speculate about timing.',
    ],
    safety: [
      "Use only the official uscis.gov site; never enter receipt numbers into third-party trackers.",
      "Treat receipt numbers and names as confidential client data; mask them in summaries.",
      "Drafts are for attorney review; never send them directly to clients.",
    ],
  }),
  defineFlow({
    title: "Export a quarterly payroll summary from Gusto for your accountant",
    summary:
      "Runs the payroll journal and tax reports for a quarter in Gusto, checks the totals line up, and packages the files with a short summary your accountant can work from.",
    category: "HR & people ops",
    agents: ["Manus", "Claude for Chrome"],
    sites: ["gusto.com"],
    tags: ["payroll", "quarter-end", "reports"],
    isPremium: true,
    creatorHandle: "grace-hr",
    publishedDaysAgo: 199,
    objective:
      "Export payroll reports for {{quarter}} from Gusto (payroll journal, tax and filing documents, and benefits deductions), check totals for consistency, and prepare a summary for {{accountant}}.",
    prerequisites: [
      "Gusto admin access with permission to view payroll reports.",
      "All payrolls for the quarter have been processed.",
    ],
    inputs: [
      ["quarter", "Quarter to export, e.g. Q1 2025."],
      ["accountant", "Who receives the package, for the summary's greeting."],
    ],
    steps: [
      [
        "Open Reports",
        "In Gusto, go to Reports and choose the Payroll journal report. Set the date range to the check dates within {{quarter}}, group by employee and export as CSV.",
      ],
      [
        "Export tax documents",
        "Go to Taxes & compliance > Documents and download the quarterly federal and state filings Gusto prepared for {{quarter}} (for example Form 941 and state unemployment returns).",
      ],
      [
        "Export deductions",
        "Run the Payroll journal or Benefits report for the same range, including pre-tax and post-tax deductions, and export it.",
      ],
      [
        "Check totals",
        "Confirm that total gross pay, employee taxes and employer taxes in the journal match the quarterly filing amounts. List any differences with the numbers.",
      ],
      [
        "Write the summary",
        "Draft a short note for {{accountant}}: number of payrolls run, headcount at quarter end, gross wages, employer taxes, and any off-cycle payrolls or corrections.",
      ],
      [
        "Hand over securely",
        "Tell the user where the files were saved and recommend sharing them through the accountant's secure portal rather than email.",
      ],
    ],
    failures: [
      "A payroll for the quarter is still unprocessed: stop and report; totals would be incomplete.",
      "Filing documents are not available yet: Gusto posts them after filing; note the expected date if shown.",
      "Totals do not match: do not adjust anything; report the difference for the accountant.",
    ],
    safety: [
      "Never run, edit or cancel a payroll, and never change employee or bank details.",
      "Files contain salaries and personal data: do not upload them anywhere or paste employee-level figures into the chat.",
    ],
  }),
];
