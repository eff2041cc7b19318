import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const productivityFlows: SeedFlow[] = [
  defineFlow({
    title: "Turn unread Gmail newsletters into a weekly Notion reading digest",
    summary:
      "Collects the week's unread newsletters from a Gmail label, pulls out the two or three items worth reading from each, and writes one tidy Notion page instead of forty emails.",
    category: "Productivity",
    agents: ["Claude for Chrome", "Manus", "Gemini in Chrome"],
    sites: ["mail.google.com", "notion.so"],
    tags: ["email", "newsletters", "digest"],
    isPremium: true,
    creatorHandle: "hana-pm",
    publishedDaysAgo: 58,
    objective:
      "Read unread emails under the Gmail label {{label}} from the last 7 days, extract the most useful items, and create a digest page in the Notion page {{notion_parent_url}}; then mark the processed emails as read.",
    prerequisites: [
      "Signed in to Gmail and Notion in the same browser.",
      "Newsletters are filtered into one Gmail label (create a filter first if they are not).",
    ],
    inputs: [
      ["label", "Gmail label holding newsletters, e.g. Newsletters."],
      ["notion_parent_url", "Notion page under which the digest page is created."],
      ["interests", 'Topics that matter to the user, used to pick items, e.g. "fintech, pricing, design systems".'],
    ],
    steps: [
      [
        "Find the emails",
        "In Gmail search, run `label:{{label}} is:unread newer_than:7d`. Note the number of results and sender names.",
      ],
      [
        "Read each newsletter",
        "Open each email. Ignore sponsor blocks, job boards and footer links. Pick at most three items that match {{interests}}, each with its headline, a one-sentence takeaway and the article link (the real destination, not the tracking redirect when it is visible).",
      ],
      [
        "Group by topic",
        "Group picked items by topic rather than by sender, and merge items that cover the same story from different newsletters.",
      ],
      [
        "Create the Notion page",
        "In {{notion_parent_url}}, add a sub-page titled `Reading digest - <week start date>`. Add a heading per topic, then bullets: **headline** - takeaway (source newsletter) with the link.",
      ],
      [
        "Add a skip list",
        'At the bottom, add a toggle "Skipped" listing newsletters with nothing relevant this week, so the user can consider unsubscribing.',
      ],
      [
        "Mark as read",
        "Back in Gmail, select only the processed emails and mark them as read. Do not archive or delete them.",
      ],
    ],
    failures: [
      "Gmail's search returns more than 60 emails: process the newest 60 and mention the rest.",
      'A newsletter only shows "view in browser": open that link in a new tab and read it there.',
      "Notion page creation fails due to permissions: return the digest as Markdown in the chat instead.",
    ],
    safety: [
      "Never open attachments, click unsubscribe links, or reply to senders.",
      "Only touch emails that match the search; never archive, delete or forward anything.",
      "Do not copy personal emails into Notion; this flow is for newsletters only.",
    ],
  }),
  defineFlow({
    title: "Find a meeting slot in Google Calendar and send the invite",
    summary:
      "Checks your calendar and your colleagues' free/busy, proposes the three best slots inside working hours, and creates the invite with agenda and video link once you pick one.",
    category: "Productivity",
    agents: ["Gemini in Chrome", "ChatGPT Atlas", "Claude for Chrome"],
    sites: ["calendar.google.com"],
    tags: ["scheduling", "meetings", "calendar"],
    isPremium: false,
    creatorHandle: "demo-creator",
    publishedDaysAgo: 390,
    objective:
      "Find a {{duration}} slot within {{date_range}} when the user and {{attendees}} are free during working hours, propose three options, and create the Google Calendar event for the chosen one.",
    prerequisites: [
      "Signed in to Google Calendar on a Google Workspace account where colleagues share free/busy information.",
    ],
    inputs: [
      ["attendees", "Comma-separated email addresses of the people to invite."],
      ["duration", "Meeting length, e.g. 30 minutes."],
      ["date_range", "Window to search, e.g. next Tuesday to Thursday."],
      ["title", "Event title."],
      ["agenda", "Two or three bullet points for the event description."],
    ],
    steps: [
      [
        "Open the scheduling view",
        "In Google Calendar, click Create > Event, then More options, and open the **Find a time** tab. Add each address from {{attendees}} under Add guests.",
      ],
      [
        "Scan the window",
        "Step through the days in {{date_range}}. Note slots of at least {{duration}} where everyone is free, within 9:00-17:00 in each attendee's displayed timezone where shown.",
      ],
      [
        "Rank the options",
        "Prefer slots that do not touch lunch (12:00-13:00), are not the first or last 30 minutes of anyone's day, and are adjacent to existing meetings rather than splitting focus time.",
      ],
      [
        "Propose three slots",
        'Show the user three options with day, time, and any caveat ("Priya has a meeting right before"). Wait for a choice.',
      ],
      [
        "Create the event",
        "Set {{title}}, the chosen time, add Google Meet video conferencing, paste {{agenda}} into the description, and keep guest permissions at the defaults.",
      ],
      [
        "Send invites after confirmation",
        'Click Save; when asked "Send invitation emails?", send only after the user confirms. Report the event link.',
      ],
    ],
    failures: [
      'An attendee\'s calendar shows "busy" without details or no information at all: they are external or do not share; mention that their availability is unknown.',
      "No common slot exists: show the best two slots where only one person has a conflict, naming the conflict.",
      "Timezone ambiguity: ask the user before proposing slots.",
    ],
    safety: [
      "Never move, decline or delete existing events.",
      "Do not send the invitation until the user picks a slot and says to send.",
      "Do not reveal the titles of other people's private events in your summary.",
    ],
  }),
  defineFlow({
    title: "Clean up a Trello board: archive stale cards and flag blockers",
    summary:
      "Audits a Trello board for cards nobody has touched in weeks, overdue due dates and missing owners, then archives only what you approve and leaves a clear weekly cleanup comment.",
    category: "Productivity",
    agents: ["Browser Use", "Opera Neon"],
    sites: ["trello.com"],
    tags: ["project-management", "cleanup", "kanban"],
    isPremium: true,
    creatorHandle: "hana-pm",
    publishedDaysAgo: 231,
    objective:
      "Audit the Trello board {{board_url}}: find stale cards (no activity for {{stale_days}} days), overdue cards and cards without members, propose actions, and apply only the approved ones.",
    prerequisites: ["Signed in to Trello as a member of the board with permission to edit cards."],
    inputs: [
      ["board_url", "URL of the Trello board."],
      ["stale_days", "Days without activity after which a card counts as stale (suggested 21)."],
      ["done_list", "Name of the list that holds finished work, e.g. Done."],
    ],
    steps: [
      [
        "Scan the board",
        "Open {{board_url}} and read every list left to right. For each card, note the list, members, due date and labels from the card front.",
      ],
      [
        "Check activity",
        "Open cards that look old and read the Activity section. Mark a card stale if the last activity is older than {{stale_days}} days.",
      ],
      [
        "Find blockers and gaps",
        'Flag cards with overdue due dates, cards with a Blocked label or comments mentioning "blocked" or "waiting on", and cards with no members outside {{done_list}}.',
      ],
      [
        "Propose actions",
        "Present a table: card, list, issue (stale / overdue / no owner / blocked), proposed action (archive / ping owner / move to {{done_list}} / leave). Cards in {{done_list}} older than two weeks are the default archive candidates.",
      ],
      [
        "Apply approved actions",
        "For each approved archive, open the card and click Archive. For pings, add a comment mentioning the owner with a one-line question. Move cards only where approved.",
      ],
      [
        "Leave a summary",
        'Add one comment to a pinned "Board hygiene" card (create it in the first list if missing, after asking) with the date and counts of what changed.',
      ],
    ],
    failures: [
      "The board uses Table or Calendar view by default: switch back to Board view.",
      "Archive is not available: you may be an observer; stop and report.",
      "Cards are linked to Jira or GitHub power-ups: do not archive them; flag for the owner.",
    ],
    safety: [
      "Archive only, never delete; archived cards can be restored.",
      "Apply nothing without explicit approval of the table.",
      "Keep pings polite and specific; never mention more than the card's members.",
    ],
  }),
  defineFlow({
    title: "Convert Google Docs meeting notes into Asana tasks",
    summary:
      "Reads a meeting notes doc, pulls out action items with owners and due dates, checks Asana for existing tasks, and creates the missing ones in the right project with a link back to the notes.",
    category: "Productivity",
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Manus"],
    sites: ["docs.google.com", "asana.com"],
    tags: ["meetings", "action-items", "tasks"],
    isPremium: true,
    creatorHandle: "hana-pm",
    publishedDaysAgo: 166,
    objective:
      "Extract action items from the meeting notes at {{doc_url}} and create Asana tasks in project {{asana_project}} with the right assignee, due date and a link back to the notes, without duplicating existing tasks.",
    prerequisites: [
      "Read access to the Google Doc and edit access to the Asana project.",
      "Attendees in the notes are Asana users in the same workspace.",
    ],
    inputs: [
      ["doc_url", "URL of the Google Doc with the meeting notes."],
      ["asana_project", "Name of the Asana project to add tasks to."],
      ["default_due", 'Due date to use when the notes give none, e.g. "next Friday".'],
    ],
    steps: [
      [
        "Read the notes",
        'Open {{doc_url}}. Identify the meeting date and attendees, then find action items: checkboxes, lines starting with "AI:" or "TODO", and sentences like "X will ..." or "X to ...".',
      ],
      [
        "Normalise each action",
        'Rewrite each action as a short imperative task name ("Send revised pricing to Northwind"), with owner, due date (explicit date, or {{default_due}}) and a one-line context.',
      ],
      ["Confirm the list", "Show the user the actions. Ask about any item with no clear owner instead of guessing."],
      [
        "Check for duplicates",
        "In Asana, open {{asana_project}} and search for key words from each task. Skip tasks that already exist and note them.",
      ],
      [
        "Create the tasks",
        "Add each task with Add task: name, assignee, due date, and a description with the context and the link {{doc_url}}. Add it to the right section if the project uses sections.",
      ],
      [
        "Link back",
        "In the Google Doc, add a comment on the action items heading listing the created Asana task links. Do not edit the notes themselves.",
      ],
    ],
    failures: [
      "Assignee not found in Asana: leave the task unassigned and tag it in the summary.",
      "The doc is view-only so you cannot comment: return the task links in the chat instead.",
      'Relative dates like "end of week" are ambiguous: compute them from the meeting date and state the result.',
    ],
    safety: [
      "Do not change the text of the meeting notes.",
      "Never create tasks in projects other than {{asana_project}} or assign to people not in the meeting.",
    ],
  }),
  defineFlow({
    title: "Summarize a Slack channel's week into a status update",
    summary:
      "Reads the last seven days of a project channel including threads, pulls out decisions, shipped work, open questions and risks, and drafts a status post for you to share.",
    category: "Productivity",
    agents: ["Claude for Chrome", "Perplexity Comet", "Dia"],
    sites: ["slack.com"],
    tags: ["status-update", "summaries", "team"],
    isPremium: true,
    creatorHandle: "demo-creator",
    publishedDaysAgo: 72,
    objective:
      "Summarise the last 7 days of {{channel}} into a status update with decisions, progress, open questions and risks, each linked to the original message, and draft it for the user to post in {{target_channel}}.",
    prerequisites: ["Signed in to the Slack workspace in the browser and a member of {{channel}}."],
    inputs: [
      ["channel", "Channel to summarise, e.g. #proj-checkout."],
      ["target_channel", "Where the status update will be posted, e.g. #leadership-updates."],
      ["audience", 'Who reads it, e.g. "execs, 2-minute read".'],
    ],
    steps: [
      [
        "Open the channel",
        "Open {{channel}} in Slack's web app and scroll back to 7 days ago. Note pinned messages and the channel topic.",
      ],
      [
        "Read threads too",
        "Open every thread with 3+ replies; decisions often land in threads. Skip bot notifications unless they announce deploys or incidents.",
      ],
      [
        "Extract the signal",
        "Classify items as Decision, Shipped, In progress, Open question or Risk. For each, copy the message link (hover > More actions > Copy link).",
      ],
      [
        "Write for the audience",
        "Draft the update for {{audience}}: a one-line headline, then up to five bullets per section, plain words, no internal jargon, each bullet ending with a link.",
      ],
      [
        "Review with the user",
        "Show the draft and ask for edits. Point out anything you were unsure about (e.g. a decision that was later questioned).",
      ],
      [
        "Post only when told",
        "If the user approves, paste the final text into {{target_channel}} and send. Otherwise return the text for them to post.",
      ],
    ],
    failures: [
      'Slack shows "older messages are hidden" on a free workspace: summarise what is visible and say so.',
      "Messages in other languages: summarise in the user's language and mark translated items.",
      "The channel is very busy (300+ messages): focus on threads and messages with reactions first.",
    ],
    safety: [
      "Never post in {{channel}} itself, react, or edit anyone's messages.",
      "Leave out personal matters, HR topics and anything from DMs even if linked.",
      "Post in {{target_channel}} only after explicit approval.",
    ],
  }),
];
