import { COMMON_FAILURES as F, COMMON_SAFETY as S, type FlowTemplate } from "./kit";

export const workTemplates: FlowTemplate[] = [
  {
    id: "prod-gmail-tasks",
    category: "Productivity",
    title: "Turn starred Gmail emails into {site2} tasks",
    summary:
      "Reads your starred Gmail messages, turns each real request into a task in {site2} with a due date and a link back to the email, then un-stars what was captured.",
    sites: ["mail.google.com"],
    sites2: ["trello.com", "asana.com", "notion.so", "linear.app", "airtable.com"],
    agents: ["Claude for Chrome", "Gemini in Chrome", "Manus", "Dia"],
    tags: ["email", "tasks", "inbox-zero"],
    creators: ["hana-pm", "demo-creator"],
    objective:
      "Convert each starred Gmail message that contains a request into a task in {{destination}} on {site2}, with a clear title, due date and email link, so the inbox stops being the to-do list.",
    prerequisites: ["Signed in to Gmail and {site2} in the same browser.", "Edit access to {{destination}}."],
    inputs: [
      ["destination", "Board, project, database or table in {site2} where tasks go."],
      ["default_due", 'Due date to use when the email gives none, e.g. "in 3 working days".'],
    ],
    steps: [
      ["Find starred emails", "In Gmail, search `is:starred` and list the messages with sender, subject and date."],
      [
        "Pick out requests",
        "Open each one and decide whether it asks the user to do something. Skip newsletters and FYIs, and list them separately.",
      ],
      [
        "Write the task",
        'Write a task title starting with a verb ("Send Q2 figures to Dana"), the due date from the email or {{default_due}}, and a two-line context.',
      ],
      ["Get the email link", "Copy the message URL from the address bar so the task links straight back to the email."],
      ["Create the task", "Create the task in {{destination}} on {site2} with title, due date, context and link."],
      [
        "Un-star captured emails",
        "After creating each task, remove the star from that email only. Report the tasks created and emails left starred.",
      ],
    ],
    failures: [
      F.login,
      "The request is vague: create the task with a question mark in the title and flag it.",
      "{Site2} rejects the due date format: use the date picker instead of typing.",
    ],
    safety: ["Do not reply to, archive, delete or forward emails.", S.privacy],
  },
  {
    id: "prod-tidy-workspace",
    category: "Productivity",
    title: "Tidy up a cluttered {site} {space}",
    summary:
      "Inventories a messy {site} {space}, proposes a simple structure with naming rules, and moves or archives items only after you approve the plan.",
    combos: [
      { site: "drive.google.com", space: "shared folder" },
      { site: "notion.so", space: "team wiki" },
      { site: "trello.com", space: "workspace" },
      { site: "asana.com", space: "project list" },
      { site: "slack.com", space: "channel list" },
      { site: "airtable.com", space: "base" },
    ],
    agents: ["Browser Use", "Claude for Chrome", "Opera Neon"],
    tags: ["organisation", "cleanup"],
    creators: ["hana-pm", "demo-creator"],
    objective:
      "Make the {space} {{location}} in {site} easy to navigate: inventory what is there, propose a structure and naming convention, and apply only the approved changes.",
    prerequisites: ["Edit or admin permissions on the {space} in {site}."],
    inputs: [
      ["location", "URL or name of the {space}."],
      ["stale_after", "How old an untouched item must be to count as stale, e.g. 6 months."],
    ],
    steps: [
      [
        "Inventory",
        "List every item in {{location}} with name, owner, last modified or last activity date, and location.",
      ],
      [
        "Spot the mess",
        "Flag duplicates, near-duplicate names, items untouched for {{stale_after}}, and items in the wrong place.",
      ],
      [
        "Propose a structure",
        "Propose at most seven top-level groups and a naming rule (for example `YYYY-MM Topic - Owner`). Show where each item would go.",
      ],
      [
        "Get approval",
        "Present the plan as a table of moves, renames and archives, and wait for the user to approve it line by line or as a whole.",
      ],
      [
        "Apply changes",
        "Apply approved moves and renames first, then archives. Use archive rather than delete wherever {site} offers it.",
      ],
      [
        "Report",
        'Summarise what changed and leave a short "How this is organised" note at the top level if the user wants one.',
      ],
    ],
    failures: ["You do not own some items and cannot move them: list them for their owners.", F.login, F.layout],
    safety: [
      "Never delete; archive only, and only what the user approved.",
      "Do not change sharing or permission settings.",
      S.irreversible,
    ],
  },
  {
    id: "prod-meeting-briefs",
    category: "Productivity",
    title: "Prepare briefs for tomorrow's meetings from Google Calendar and {site2}",
    summary:
      "Goes through tomorrow's calendar, gathers context for each meeting from {site2}, and writes a short brief per meeting so you walk in prepared.",
    sites: ["calendar.google.com"],
    sites2: ["mail.google.com", "notion.so", "docs.google.com", "drive.google.com", "slack.com", "hubspot.com"],
    agents: ["Gemini in Chrome", "Claude for Chrome", "ChatGPT Atlas", "Dia"],
    tags: ["meetings", "preparation", "calendar"],
    creators: ["hana-pm", "ben-sdr", "demo-creator"],
    objective:
      "For each meeting on {{date}} in Google Calendar, find the relevant context in {site2} and write a brief with purpose, attendees, open items and questions to ask.",
    prerequisites: ["Signed in to Google Calendar and {site2} in the same browser."],
    inputs: [
      ["date", "The day to prepare for (default tomorrow)."],
      ["skip", "Meetings to skip, e.g. recurring stand-ups and focus blocks."],
    ],
    steps: [
      [
        "List the meetings",
        "Open Google Calendar in Day view for {{date}}. List meetings with time, title, attendees and attached documents, excluding {{skip}}.",
      ],
      [
        "Search for context",
        "For each meeting, search {site2} for the meeting title, the main external attendee or company, and the project name. Keep the three most recent relevant items.",
      ],
      [
        "Extract open items",
        "From those items, note decisions pending, promises made by either side and numbers that will come up.",
      ],
      [
        "Write the brief",
        "Write up to eight lines per meeting: purpose, who is who, what happened last time, open items, and two questions to ask.",
      ],
      ["Deliver", "Return all briefs in time order, with links to the sources used."],
    ],
    failures: [
      "No context found for a meeting: say so rather than padding the brief.",
      F.login,
      "Attendee list hidden (you are not the organiser): use the invite description instead.",
    ],
    safety: ["Do not accept, decline, move or edit events.", "Do not send messages or emails.", S.privacy],
  },
  {
    id: "prod-weekly-digest",
    category: "Productivity",
    title: "Write a weekly progress digest from {site}",
    summary:
      "Reads the past week's activity in {site}, separates what shipped from what slipped, and writes a digest the team can read in two minutes.",
    sites: ["asana.com", "trello.com", "linear.app", "notion.so", "airtable.com", "atlassian.net"],
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Manus", "Perplexity Comet"],
    tags: ["status-update", "team", "reporting"],
    creators: ["hana-pm", "demo-creator", "priya-ops"],
    objective:
      "Summarise last week's activity in {{workspace}} on {site}: completed work, work in progress, items that slipped past their due date, and new blockers.",
    prerequisites: ["Read access to {{workspace}} in {site}."],
    inputs: [
      ["workspace", "Project, board, team or database in {site}."],
      ["week", "The week to cover."],
    ],
    steps: [
      ["Find completed items", "In {site}, filter {{workspace}} to items completed or moved to done during {{week}}."],
      ["Find in-progress items", "List items in progress with their owner and due date."],
      ["Find slipped items", "List items whose due date fell in {{week}} and are not done, with how many days late."],
      ["Find blockers", "Read comments from the week and list items marked blocked or waiting on someone."],
      [
        "Write the digest",
        "Write four short sections (Shipped, In progress, Slipped, Blocked), at most six bullets each, each with the item link and owner.",
      ],
    ],
    failures: [F.login, "Completion dates are not shown: use the activity log of each item.", F.layout],
    safety: [S.readOnly, "Do not post the digest anywhere unless the user asks."],
  },
  {
    id: "support-prioritise",
    category: "Support",
    title: "Prioritise new {topic} in {site} by urgency",
    summary:
      "Reads new {topic} in {site}, scores urgency from what customers actually wrote, and proposes priority and tags for the team to confirm.",
    sites: ["zendesk.com", "intercom.com"],
    vars: {
      topic: [
        "billing questions",
        "bug reports",
        "cancellation requests",
        "shipping delay complaints",
        "login problems",
      ],
    },
    agents: ["Claude for Chrome", "Browser Use", "ChatGPT Atlas"],
    tags: ["triage", "customer-support", "sla"],
    creators: ["tomas-support"],
    objective:
      "Review unassigned {topic} in {site} from the last {{hours}} hours, propose a priority and tags for each, and apply the approved ones so the most urgent customers are answered first.",
    prerequisites: ["Agent access to {site} with permission to edit priority and tags."],
    inputs: [
      ["hours", "How far back to look (suggested 24)."],
      ["urgency_rules", 'What makes something urgent, e.g. "payment failed, account locked, VIP plan".'],
    ],
    steps: [
      [
        "Open the queue",
        "In {site}, open the unassigned view and filter to {topic} created in the last {{hours}} hours.",
      ],
      [
        "Read each conversation",
        "Read the customer's messages and any account details the sidebar shows (plan, previous conversations).",
      ],
      [
        "Score urgency",
        "Apply {{urgency_rules}} and write one line explaining the score. Mention repeat contacts about the same problem.",
      ],
      ["Propose tags", "Propose priority and tags from the existing tag list only."],
      ["Approve and apply", "Show the proposals as a table and apply only the approved ones."],
      [
        "Flag patterns",
        "If several conversations describe the same new problem, flag it as a possible incident with the conversation links.",
      ],
    ],
    failures: [
      F.login,
      "A conversation is already being handled by someone else: skip it.",
      "Required tags do not exist: do not create tags; propose them instead.",
    ],
    safety: ["Do not reply to customers, close conversations or change assignees.", S.privacy],
  },
  {
    id: "support-gap-report",
    category: "Support",
    title: "Find missing help-center articles from {site} conversations in {period}",
    summary:
      "Reads {site} conversations from {period}, finds questions your help center does not answer well, and proposes the articles to write next.",
    sites: ["zendesk.com", "intercom.com"],
    vars: { period: ["the last 30 days", "the last quarter", "the week after a release"] },
    agents: ["Claude for Chrome", "Manus", "Perplexity Comet"],
    tags: ["knowledge-base", "self-service", "content"],
    creators: ["tomas-support"],
    objective:
      "Identify the most frequent customer questions in {site} during {period} that lack a good help-center answer, and outline the articles that would deflect them.",
    prerequisites: ["Agent or analyst access to {site} conversations and the help center."],
    inputs: [
      ["sample_size", "How many conversations to read (suggested 100)."],
      ["help_center_url", "URL of the help center."],
    ],
    steps: [
      [
        "Sample conversations",
        "In {site}, filter solved conversations from {period} and read a sample of {{sample_size}}, spread across tags.",
      ],
      ["Extract questions", "For each, write the customer's underlying question in one line."],
      ["Cluster", "Group similar questions and count each group."],
      [
        "Check the help center",
        "Search {{help_center_url}} for each group's question. Mark it as answered, partly answered or missing.",
      ],
      [
        "Outline articles",
        "For the top five missing or partial groups, outline an article: title, the question it answers, key steps, and links to example conversations.",
      ],
    ],
    failures: [
      F.login,
      "Conversations are mostly in another language: group them in the original language and translate the group names.",
    ],
    safety: [S.readOnly, "Strip customer names and emails from examples; refer to conversations by ID."],
  },
  {
    id: "support-refund-decision",
    category: "Support",
    title: "Prepare a refund decision for a disputed {site} order",
    summary:
      "Collects the order timeline, shipping evidence and customer messages for a disputed {site} order and drafts a policy-based refund recommendation and reply.",
    sites: ["admin.shopify.com", "etsy.com", "paypal.com", "stripe.com", "ebay.com"],
    agents: ["Claude for Chrome", "ChatGPT Atlas", "Copilot Mode in Edge"],
    tags: ["refunds", "disputes", "policy"],
    creators: ["tomas-support", "lena-sells"],
    objective:
      "For order {{order_id}} on {site}, gather the facts, apply {{refund_policy}}, and recommend full refund, partial refund or no refund with a draft reply, leaving the decision to the user.",
    prerequisites: ["Access to the order in {site} as the seller or merchant."],
    inputs: [
      ["order_id", "Order or payment ID."],
      ["refund_policy", "Your written refund policy or a link to it."],
    ],
    steps: [
      [
        "Open the order",
        "Find {{order_id}} in {site} and record items, amounts, dates, payment status and any existing refunds.",
      ],
      [
        "Check fulfilment",
        "Read the shipping and tracking information: carrier, delivered date and delivery scan details.",
      ],
      [
        "Read the conversation",
        "Read all messages with the customer and note their claim and any evidence they provided (photos, descriptions).",
      ],
      ["Apply the policy", "Compare the facts with {{refund_policy}} clause by clause and note which clause applies."],
      [
        "Recommend and draft",
        "Recommend an outcome with the amount and reasoning, and draft a courteous reply to the customer explaining it.",
      ],
    ],
    failures: [
      F.login,
      "The order is already in a formal dispute or chargeback: note the response deadline and do not message the customer outside the dispute flow.",
      'Tracking is missing: say so; it weakens any "delivered" claim.',
    ],
    safety: ["Never issue refunds, cancel orders or respond to disputes yourself.", S.privacy, S.irreversible],
  },
];
