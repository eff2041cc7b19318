import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const developerFlows: SeedFlow[] = [
  defineFlow({
    title: "Resolve a GitHub merge conflict in the web editor",
    summary:
      "Walks the agent through GitHub's built-in conflict editor: read both sides, keep the intended changes, remove the markers and commit the merge without ever force-pushing.",
    category: "Developer tools",
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Perplexity Comet"],
    sites: ["github.com"],
    tags: ["git", "pull-requests", "merge-conflicts"],
    isPremium: false,
    creatorHandle: "demo-creator",
    publishedDaysAgo: 212,
    objective:
      "Resolve the merge conflicts on pull request {{pr_url}} using GitHub's web conflict editor so the PR becomes mergeable, keeping the intent of both branches, and report exactly what was decided for each conflicting hunk.",
    prerequisites: [
      "You are signed in to GitHub with write access to the head branch of the pull request.",
      "The conflicts are simple enough for the web editor (GitHub hides the button for binary files, deleted files and very large diffs).",
      "You know which branch should win when the two sides genuinely disagree, or you are willing to be asked.",
    ],
    inputs: [
      ["pr_url", "Full URL of the pull request, e.g. https://github.com/acme/api/pull/482."],
      ["preference", "Which side wins on a true disagreement: `head`, `base`, or `ask` (default `ask`)."],
    ],
    steps: [
      [
        "Open the pull request",
        'Go to {{pr_url}} and scroll to the merge box at the bottom of the Conversation tab. Confirm it says "This branch has conflicts that must be resolved" and note the list of conflicting files shown there.',
      ],
      [
        "Open the conflict editor",
        "Click **Resolve conflicts**. If the button is missing, stop and report that the conflicts must be resolved locally, quoting the message GitHub shows instead.",
      ],
      [
        "Read each conflict in context",
        "For each file in the left sidebar, find every block between `<<<<<<<`, `=======` and `>>>>>>>`. The part above `=======` is the pull request branch, the part below is the base branch. Read ten lines above and below each block so you understand what the code does.",
      ],
      [
        "Decide per hunk",
        "If the two sides change different things (for example one adds an import, the other renames a variable), combine them. If they change the same line in incompatible ways, apply {{preference}}; when it is `ask`, pause and show the user both versions side by side before continuing.",
      ],
      [
        "Edit and remove the markers",
        "Edit the text so that only the final code remains and delete every `<<<<<<<`, `=======` and `>>>>>>>` line. Check that brackets, indentation and commas still line up, especially in JSON, YAML and lockfiles.",
      ],
      [
        "Mark files as resolved",
        "Click **Mark as resolved** for each file. The counter at the top should reach zero conflicts before you continue.",
      ],
      [
        "Commit the merge",
        "Click **Commit merge**. Keep the default commit message unless the repository's contributing guide asks for a specific format. Never choose any option that rewrites history.",
      ],
      [
        "Verify and report",
        "Back on the Conversation tab, confirm the conflict warning is gone and wait for checks to start. Reply to the user with a table: file, hunk location, decision (combined / head / base) and a one-line reason.",
      ],
    ],
    failures: [
      "Redirected to a sign-in page: stop and ask the user to sign in; never type credentials you were not given.",
      '"Resolve conflicts" button missing or greyed out: report that the conflict is too complex for the web editor and suggest `git merge origin/<base>` locally.',
      "Lockfiles such as package-lock.json conflict: do not hand-merge them; keep the base version, note that the user must regenerate the lockfile locally, and say so in the report.",
      "The editor shows a stale state after commit: reload the PR page once before concluding anything.",
      "You cannot tell which side is correct: stop and ask rather than guessing.",
    ],
    safety: [
      "Never force-push, delete a branch, close the PR or click Merge pull request; your job ends at a mergeable PR.",
      "Do not modify lines that are not part of a conflict.",
      "Never paste repository code into any other website or tool.",
    ],
  }),
  defineFlow({
    title: "Triage new GitHub issues with labels, duplicates and a first reply",
    summary:
      "Goes through unlabelled issues in a repository, checks for duplicates, applies labels from your existing set and drafts a polite first response for a maintainer to approve.",
    category: "Developer tools",
    agents: ["Browser Use", "Playwright MCP", "Claude for Chrome"],
    sites: ["github.com"],
    tags: ["issues", "triage", "open-source"],
    isPremium: true,
    creatorHandle: "rafael-dev",
    publishedDaysAgo: 188,
    objective:
      "Triage up to {{max_issues}} open issues in {{repo}} that have no labels yet: classify each one, apply existing labels, link likely duplicates and draft a first reply that a maintainer approves before it is posted.",
    prerequisites: [
      "Signed in to GitHub with triage or write permission on {{repo}}.",
      "The repository already has a label set (bug, enhancement, question, docs, needs-repro or similar). The flow never creates new labels.",
    ],
    inputs: [
      ["repo", "Repository in owner/name form, e.g. acme/widgets."],
      ["max_issues", "Maximum number of issues to triage in one run (suggested 10)."],
      ["reply_tone", 'Short description of the project\'s voice, e.g. "friendly, concise, no emojis".'],
    ],
    steps: [
      [
        "List untriaged issues",
        "Open https://github.com/{{repo}}/issues?q=is%3Aissue+is%3Aopen+no%3Alabel+sort%3Acreated-asc and take the oldest {{max_issues}} issues from the list.",
      ],
      [
        "Read the label set",
        "Open https://github.com/{{repo}}/labels and write down every label name with its description. Only these labels may be applied.",
      ],
      [
        "Read one issue fully",
        "Open the issue and read the title, body, any logs and all comments. Note the version, environment and whether reproduction steps are present.",
      ],
      [
        "Search for duplicates",
        "Search the repository issues (open and closed) for two or three distinctive keywords from the report, such as the error message. If an existing issue describes the same problem, note its number and how confident you are.",
      ],
      [
        "Classify and label",
        "Pick the type label (bug, enhancement, question, docs) and add `needs-repro` when a bug report lacks steps or versions. Apply labels with the Labels control in the right sidebar.",
      ],
      [
        "Draft the first reply",
        "Write a reply in {{reply_tone}}: thank the reporter, summarise what you understood in one sentence, ask for missing information as a short checklist, and mention the suspected duplicate with a link if there is one. Do not post it yet.",
      ],
      [
        "Collect approvals",
        "After every five issues, show the maintainer the drafts with issue numbers and labels applied. Post only the replies they approve, exactly as approved.",
      ],
      [
        "Summarise the run",
        "Report a table of issue number, title, labels applied, duplicate candidate and reply status (posted / skipped / needs edit).",
      ],
    ],
    failures: [
      "The Labels control is not visible: you lack triage permission; stop and tell the user instead of commenting without labels.",
      "GitHub shows a secondary rate limit message: wait two minutes, then continue at a slower pace with fewer searches.",
      "An issue is a security report (mentions vulnerabilities, tokens, CVEs): do not label or reply; flag it to the maintainer privately in your summary.",
      "The issue is written in a language you cannot read confidently: label it `question` only and ask the maintainer.",
    ],
    safety: [
      "Never close, lock, transfer or delete an issue and never edit other people's comments.",
      "Post nothing without explicit approval of the exact text.",
      "Do not copy personal data from issues (emails, logs with tokens) into your report; mask secrets as `****`.",
    ],
  }),
  defineFlow({
    title: "Review a GitHub pull request for risky changes and leave inline comments",
    summary:
      "A careful second pair of eyes: reads the diff file by file, flags risky patterns such as missing tests, secrets and migrations, and leaves a pending review with inline comments for you to submit.",
    category: "Developer tools",
    agents: ["Claude for Chrome", "ChatGPT Atlas"],
    sites: ["github.com"],
    tags: ["code-review", "pull-requests", "security"],
    isPremium: true,
    creatorHandle: "rafael-dev",
    publishedDaysAgo: 97,
    objective:
      "Review pull request {{pr_url}} for correctness and risk, leave specific inline comments as a pending review, and give the user a short verdict. The user submits the review themselves.",
    prerequisites: [
      "Signed in to GitHub with read access to the repository.",
      "The pull request is under roughly 1,000 changed lines; larger PRs should be split or reviewed by area.",
    ],
    inputs: [
      ["pr_url", "URL of the pull request to review."],
      ["focus", 'Optional area to weigh more heavily, e.g. "database migrations" or "public API".'],
    ],
    steps: [
      [
        "Understand the intent",
        "Open {{pr_url}}. Read the description, the linked issue and the commit list. Write a two-sentence summary of what the PR is supposed to change.",
      ],
      [
        "Check CI status",
        "Scroll to the checks section. Note any failing or skipped checks and open the failing ones to read the first error. Do not re-run workflows.",
      ],
      [
        "Read the diff file by file",
        "Open the **Files changed** tab, switch to the unified view and go through files in order. Collapse generated files (lockfiles, snapshots, build output) after confirming they match the source changes.",
      ],
      [
        "Look for risk patterns",
        "Flag: secrets or tokens in code, changed auth or permission checks, SQL built from strings, database migrations without a rollback, removed tests, new dependencies, changed public function signatures, and anything related to {{focus}}.",
      ],
      [
        "Leave inline comments",
        "Hover over the line number, click the blue **+** and write a comment that states the problem, why it matters and a concrete suggestion. Use GitHub's suggestion block for one-line fixes. Choose **Start a review** (never Add single comment).",
      ],
      [
        "Check test coverage",
        "For each behaviour change, find the test that covers it. If none exists, leave one comment on the most relevant file asking for it.",
      ],
      [
        "Hand over the verdict",
        "Do not submit the review. Tell the user: summary, risk level (low / medium / high), number of pending comments, and whether you would approve, comment or request changes, with reasons.",
      ],
    ],
    failures: [
      'The diff does not load ("Load diff" placeholders): click to load each file; if a file is too large, review it via the raw view and mention that in the verdict.',
      "The PR is a draft or targets an unexpected base branch: mention it at the top of the verdict.",
      "You are unsure whether code is wrong: phrase the comment as a question, not a claim.",
      "Session expired mid-review: pending comments are saved; sign in again and continue from the last file.",
    ],
    safety: [
      "Never click Merge, Approve or Close; only the user submits the review.",
      "If you spot a real secret, tell the user privately and do not quote it in a comment.",
      "Do not push commits or apply suggestions yourself.",
    ],
  }),
  defineFlow({
    title: "Find the breaking commit behind a failed Vercel deployment",
    summary:
      "Reads the failing Vercel build log, compares it with the last successful deployment and lines up the GitHub commits in between to point at the most likely culprit.",
    category: "Developer tools",
    agents: ["Perplexity Comet", "Claude for Chrome", "Browser Use"],
    sites: ["vercel.com", "github.com"],
    tags: ["deployments", "ci", "debugging"],
    isPremium: true,
    creatorHandle: "priya-ops",
    publishedDaysAgo: 64,
    objective:
      "For project {{project}} on Vercel, identify why the latest production or preview deployment failed, find the last good deployment, and narrow the cause to one commit or configuration change with evidence from the logs.",
    prerequisites: [
      "Access to the Vercel team that owns {{project}} and read access to the connected GitHub repository.",
      "The project deploys from Git (deployments show a commit SHA).",
    ],
    inputs: [
      ["project", "Vercel project name as shown on the dashboard."],
      ["team_slug", "Vercel team slug from the URL, e.g. acme-web."],
    ],
    steps: [
      [
        "Open the deployments list",
        "Go to https://vercel.com/{{team_slug}}/{{project}}/deployments. Identify the newest deployment with status Error and the newest one before it with status Ready on the same branch.",
      ],
      [
        "Read the failing build log",
        "Open the failed deployment, go to **Building** logs and find the first error line (not the last). Copy the error, the file path and the step where it happened (install, build, or check).",
      ],
      [
        "Compare environments",
        "On both deployments, note the Node.js version, framework preset and build command shown in the deployment details. A difference here is a strong lead.",
      ],
      [
        "List commits in between",
        "Open the GitHub compare view https://github.com/<owner>/<repo>/compare/<good_sha>...<bad_sha> using the SHAs from both deployments. List each commit with author and message.",
      ],
      [
        "Match the error to a commit",
        "For the file or package named in the error, check which commits touched it or package.json / the lockfile. Rank candidates by how directly they relate to the error.",
      ],
      [
        "Check for configuration changes",
        "If no commit explains it, note whether environment variables or project settings changed recently (Vercel shows this in the project's activity log). Do not open or copy variable values.",
      ],
      [
        "Report",
        "Give the user: the first error line, the likely culprit commit with a link, the evidence, and a suggested next step (revert, pin a version, or fix the import). Do not redeploy.",
      ],
    ],
    failures: [
      "Logs are truncated: use the Download logs option or the search box in the log view to find `Error` or `ERR!`.",
      "No successful deployment exists on that branch: compare against the latest Ready production deployment instead and say so.",
      "The compare view shows more than 50 commits: focus on commits touching dependency files and the path in the error first.",
      "Access denied to the team: stop and ask the user to switch teams in the Vercel scope selector.",
    ],
    safety: [
      "Never click Redeploy, Promote, Rollback or Delete; recommend these actions instead.",
      "Never reveal or copy environment variable values, even if shown.",
    ],
  }),
  defineFlow({
    title: "Group new Sentry errors by release and file GitLab issues for the top ones",
    summary:
      "Pulls the unresolved Sentry issues introduced by the latest release, groups them by root cause and files well-formed GitLab issues for the few that matter, after you confirm.",
    category: "Developer tools",
    agents: ["Manus", "Browser Use", "Playwright MCP"],
    sites: ["sentry.io", "gitlab.com"],
    tags: ["errors", "releases", "incident-response"],
    isPremium: true,
    creatorHandle: "priya-ops",
    publishedDaysAgo: 141,
    objective:
      "Review new unresolved errors in Sentry project {{sentry_project}} first seen in release {{release}}, group them by probable cause, and open one GitLab issue per important group in {{gitlab_project}}, with links and impact numbers.",
    prerequisites: [
      "Member of the Sentry organisation with access to {{sentry_project}}.",
      "Signed in to GitLab with Reporter (or higher) role on {{gitlab_project}}.",
    ],
    inputs: [
      ["sentry_project", "Sentry project slug, e.g. web-frontend."],
      ["release", "Release identifier as shown in Sentry, e.g. web@2.14.0."],
      ["gitlab_project", "GitLab project path, e.g. acme/platform/web."],
      ["min_users", "Only file issues for groups affecting at least this many users (default 5)."],
    ],
    steps: [
      [
        "Filter Sentry issues",
        "In Sentry Issues, select {{sentry_project}} and search `is:unresolved firstRelease:{{release}}`. Sort by Users. Note the total count.",
      ],
      [
        "Read the top issues",
        "Open up to the top 15. For each, record the title, culprit (file and function), event count, user count and the first in-app stack frame.",
      ],
      [
        "Group by cause",
        'Put issues with the same in-app frame or the same error message pattern into one group. Name each group in plain words, e.g. "null cart on checkout page".',
      ],
      [
        "Check for existing tickets",
        "Search {{gitlab_project}} issues for the culprit function name and error message. If a matching open issue exists, plan to comment on it instead of opening a new one.",
      ],
      [
        "Prepare issue drafts",
        "For each group with at least {{min_users}} users, draft a GitLab issue: title `[{{release}}] <group name>`, a summary, impact numbers, Sentry links, the top stack frame in a code block, and suggested owner area.",
      ],
      [
        "Confirm and create",
        "Show the user all drafts. After confirmation, create each issue via New issue in {{gitlab_project}} and paste the GitLab link back into the Sentry issue as a comment.",
      ],
    ],
    failures: [
      "The firstRelease filter returns nothing: check the exact release name in Sentry's Releases page; names are case-sensitive.",
      "Stack traces are minified: note that source maps are missing for the release and include it as a separate issue draft.",
      "GitLab asks for two-factor authentication: stop and let the user complete it.",
      'Sentry shows a rate-limit or "too many requests" banner: wait a minute before opening more issues.',
    ],
    safety: [
      "Do not resolve, ignore or merge Sentry issues.",
      "Strip user emails, IP addresses and request bodies from anything you paste into GitLab.",
      "Create nothing before the user confirms the drafts.",
    ],
  }),
];
