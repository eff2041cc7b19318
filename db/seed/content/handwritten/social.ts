import { defineFlow } from "../render";
import type { SeedFlow } from "../types";

export const socialFlows: SeedFlow[] = [
  defineFlow({
    title: "Turn a Twitter/X thread into clean Markdown",
    summary:
      "Unrolls an X thread by its author, keeps only the author's posts in order, preserves links, images and code, and returns tidy Markdown ready for a blog post or your notes.",
    category: "Social media",
    agents: ["Perplexity Comet", "Claude for Chrome", "Dia"],
    sites: ["x.com"],
    tags: ["threads", "markdown", "archiving"],
    isPremium: false,
    creatorHandle: "olu-social",
    publishedDaysAgo: 300,
    objective:
      "Convert the X (Twitter) thread at {{thread_url}} into a single Markdown document containing only the original author's posts in order, with links, images and quoted posts preserved and attribution at the top.",
    prerequisites: [
      "An X account signed in is recommended; X often hides replies and long threads from signed-out visitors.",
    ],
    inputs: [
      ["thread_url", "URL of the first post of the thread (x.com/<user>/status/<id>)."],
      ["include_images", "yes or no: whether to include image links as Markdown images."],
    ],
    steps: [
      [
        "Open the first post",
        "Go to {{thread_url}}. Note the author's display name, @handle and the date of the first post. If the link points to a reply in the middle, click up to the first post by the same author.",
      ],
      [
        "Load the whole thread",
        'Scroll down slowly. Keep only posts by the same @handle that continue the thread (they are connected by the vertical line). Click "Show more" on truncated posts and "Show replies" where the thread continues.',
      ],
      [
        "Capture each post",
        "For each post, take the full text, expanded links (hover or open to get the real URL, not t.co), image alt text or URLs if {{include_images}} is yes, and the text and link of any quoted post.",
      ],
      [
        "Clean up the text",
        'Remove thread counters like "3/12" and "🧵", merge sentences that were split across posts, keep line breaks that separate ideas, and turn inline code into backticks.',
      ],
      [
        "Assemble the Markdown",
        "Start with a title (the first sentence or a short summary), a line `By <name> (@handle), <date> - original: <thread_url>`, then the posts as paragraphs. Quoted posts become blockquotes with their link.",
      ],
      [
        "Return the result",
        "Return the Markdown in a single code block and state how many posts were captured and whether any could not be loaded.",
      ],
    ],
    failures: [
      '"Something went wrong. Try reloading.": reload once, then wait 30 seconds; X rate-limits reading when scrolling fast.',
      "Signed-out view shows only the first post: ask the user to sign in.",
      "Deleted or protected posts in the middle: insert `[post unavailable]` where they were and mention it.",
    ],
    safety: [
      "Read only: never like, repost, reply or follow.",
      "Keep the author attribution and original link in the output; do not present the text as the user's own.",
    ],
  }),
  defineFlow({
    title: "Summarize a Reddit thread into pros, cons and open questions",
    summary:
      "Reads a Reddit discussion including collapsed replies, weighs comments by substance rather than score, and produces a balanced brief with quotes and links to the best comments.",
    category: "Research",
    agents: ["Perplexity Comet", "ChatGPT Atlas", "Gemini in Chrome"],
    sites: ["reddit.com"],
    tags: ["summaries", "community", "product-research"],
    isPremium: true,
    creatorHandle: "mei-data",
    publishedDaysAgo: 118,
    objective:
      "Produce a balanced summary of the Reddit thread {{thread_url}}: the main positions, the strongest arguments for and against, practical tips, and questions nobody answered, each backed by a linked comment.",
    prerequisites: [
      "No sign-in needed for public subreddits; NSFW or quarantined subreddits require a signed-in account with the right settings.",
    ],
    inputs: [
      ["thread_url", "URL of the Reddit post."],
      ["question", 'Optional: what the user wants to decide, e.g. "should I buy the 2023 model or wait".'],
    ],
    steps: [
      [
        "Read the post",
        'Open {{thread_url}}. Record subreddit, title, date, score and the original post text, including any edits marked "EDIT" or "UPDATE".',
      ],
      [
        "Sort and expand comments",
        'Sort by Top. Expand "more replies" and collapsed threads for the top 30 comments. Skip deleted comments and obvious bots (AutoModerator, repost bots).',
      ],
      [
        "Extract claims",
        "For each substantive comment, note the claim, whether it is first-hand experience, and the comment's permalink (Share > Copy link).",
      ],
      [
        "Cluster positions",
        "Group claims into pros, cons and neutral tips. When many comments agree, count them; when one detailed first-hand account contradicts the majority, keep it and say so.",
      ],
      [
        "Find open questions",
        "List questions asked in comments that got no useful reply, and anything relevant to {{question}} the thread does not address.",
      ],
      [
        "Write the brief",
        "Write: a three-sentence overview, Pros, Cons, Practical tips, Open questions, each bullet with a short quote and a permalink. Finish with a one-line take on {{question}} if given, labelled as an interpretation.",
      ],
    ],
    failures: [
      'Reddit shows a "see this post in the app" wall: switch the URL to old.reddit.com and continue.',
      "Thread has thousands of comments: restrict to the top 50 by score and say so.",
      "Comments are mostly jokes: say the thread has little signal rather than padding the summary.",
    ],
    safety: [
      "Do not vote, comment, or send messages.",
      "Quote usernames only if the user asks; by default cite permalinks without handles.",
    ],
  }),
  defineFlow({
    title: "Schedule a week of LinkedIn posts from a Notion content calendar",
    summary:
      "Reads next week's approved posts from a Notion database, checks length and links, and schedules each one natively on LinkedIn at the planned time, marking it as scheduled in Notion.",
    category: "Marketing",
    agents: ["Manus", "Claude for Chrome", "Browser Use"],
    sites: ["linkedin.com", "notion.so"],
    tags: ["content-calendar", "scheduling", "b2b"],
    isPremium: true,
    creatorHandle: "growth-jules",
    publishedDaysAgo: 45,
    objective:
      "Schedule every post in the Notion database {{notion_db_url}} with Status = Approved and a publish date in {{week}} on the user's LinkedIn profile (or company page {{page_name}}), then set each row's Status to Scheduled.",
    prerequisites: [
      "Signed in to Notion with edit access to the content calendar database.",
      "Signed in to LinkedIn; for a company page you must be a page admin.",
      "The database has columns for Status, Publish date, Post text and optional Image.",
    ],
    inputs: [
      ["notion_db_url", "URL of the Notion content calendar database."],
      ["week", "Date range to schedule, e.g. 2025-03-10 to 2025-03-14."],
      ["page_name", "Company page name, or `personal` to post as the user."],
      ["timezone", "Timezone the publish times are written in."],
    ],
    steps: [
      [
        "Filter the calendar",
        "Open {{notion_db_url}} and filter: Status is Approved and Publish date within {{week}}. List the rows found with date, time and first line of text.",
      ],
      [
        "Check each post",
        "Confirm the text is under 3,000 characters, links work (open them), hashtags are at most three, and any image file is attached. Flag problems instead of editing the text.",
      ],
      [
        "Open the LinkedIn composer",
        "On LinkedIn, click Start a post (or open {{page_name}}'s admin view and click Create). Paste the text exactly and attach the image if there is one.",
      ],
      [
        "Schedule it",
        "Click the clock icon next to Post, set the date and time from Notion converted to {{timezone}}, and click Next then Schedule. Never click Post.",
      ],
      [
        "Update Notion",
        "Set the row's Status to Scheduled and paste the scheduled date and time into a comment on the row.",
      ],
      [
        "Verify the queue",
        "Open LinkedIn's scheduled posts view (clock icon in the composer > View all scheduled posts) and confirm each post appears once at the right time. Report the list.",
      ],
    ],
    failures: [
      "The scheduling clock icon is missing: the account or page may not support scheduling; stop and report.",
      "A post would duplicate one already scheduled at the same time: skip it and flag it.",
      "Notion page is read-only: schedule nothing and tell the user who owns the database.",
    ],
    safety: [
      "Never publish immediately; scheduling only.",
      "Do not alter post wording; flag issues for the author.",
      "Do not tag people or companies that are not already tagged in the Notion text.",
    ],
  }),
  defineFlow({
    title: "Reply to unanswered YouTube comments on your latest video",
    summary:
      "Uses YouTube Studio to find comments you have not replied to, drafts short replies in your voice, holds anything sensitive for you, and posts only the replies you approve.",
    category: "Social media",
    agents: ["Claude for Chrome", "ChatGPT Atlas"],
    sites: ["youtube.com"],
    tags: ["community", "creators", "comments"],
    isPremium: true,
    creatorHandle: "olu-social",
    publishedDaysAgo: 12,
    objective:
      "In YouTube Studio, draft replies to up to {{max_replies}} unanswered comments on the channel's most recent video, in the creator's voice, and post the approved ones.",
    prerequisites: ["Signed in to the YouTube channel's Google account with Owner or Manager permission in Studio."],
    inputs: [
      ["max_replies", "Maximum number of comments to answer (suggested 20)."],
      ["voice_notes", 'A few words about tone, e.g. "warm, a bit nerdy, signs off with -O".'],
    ],
    steps: [
      [
        "Open Studio comments",
        'Go to studio.youtube.com, open Content, click the latest video, then Comments. Apply the filter "I haven\'t responded" and sort by Newest.',
      ],
      [
        "Triage the comments",
        "Sort each comment into: question, praise, critique, spam, or sensitive (personal stories, health, legal, harassment). Skip spam and sensitive ones; list them separately.",
      ],
      [
        "Draft replies",
        "For questions, answer briefly using only information from the video description or pinned comment. For praise, thank specifically. For critique, acknowledge without arguing. Follow {{voice_notes}}; keep under 280 characters.",
      ],
      [
        "Get approval",
        "Show the drafts as a numbered list with the original comment. Wait for the user to approve, edit or drop each one.",
      ],
      [
        "Post approved replies",
        "Click Reply under each comment, paste the approved text exactly and click Reply. Heart a comment only if the user asked for it.",
      ],
      [
        "Summarise",
        "Report counts (replied, skipped, flagged as sensitive, spam) and list any questions worth answering in a future video.",
      ],
    ],
    failures: [
      "Studio opens the wrong channel: use the account switcher and confirm the channel name before doing anything.",
      "Comments are held for review: leave them in the held queue and mention them; do not approve them.",
      "Reply button greyed out: comments may be disabled or the comment removed; skip it.",
    ],
    safety: [
      "Never delete comments, hide users or report anything.",
      "Post nothing without approval, and never invent facts about sponsors, prices or release dates.",
    ],
  }),
  defineFlow({
    title: "Log Hacker News launch feedback into an Airtable base",
    summary:
      "Reads every comment on your Show HN post, classifies feedback (bug, feature request, pricing, praise, confusion) and adds one row per item to Airtable with a link back to the comment.",
    category: "Marketing",
    agents: ["Browser Use", "Manus", "Playwright MCP"],
    sites: ["news.ycombinator.com", "airtable.com"],
    tags: ["launch", "feedback", "product"],
    isPremium: true,
    creatorHandle: "demo-creator",
    publishedDaysAgo: 5,
    objective:
      "Turn the comments on the Hacker News post {{hn_url}} into structured feedback rows in the Airtable table {{airtable_table_url}}, without duplicates, so the team can sort and act on them after launch day.",
    prerequisites: [
      "Edit access to the Airtable base. The table has fields: Comment link, Author, Type, Summary, Quote, Status.",
      "No Hacker News account needed.",
    ],
    inputs: [
      ["hn_url", "URL of the Show HN (or Launch HN) item, e.g. https://news.ycombinator.com/item?id=40123456."],
      ["airtable_table_url", "URL of the Airtable table (grid view) where rows are added."],
    ],
    steps: [
      [
        "Load all comments",
        'Open {{hn_url}}. If there is a "More" link at the bottom, follow it until all pages are loaded. Note the post\'s points and comment count.',
      ],
      [
        "Read existing rows",
        "Open {{airtable_table_url}} and collect the Comment link values already present so you never add a duplicate.",
      ],
      [
        "Classify each comment",
        "For each comment (including replies), click its timestamp to get the permalink. Classify as bug, feature request, pricing, praise, confusion, competitor mention or other. Skip comments that are only replies between other users with no product feedback.",
      ],
      [
        "Summarise faithfully",
        "Write a one-line summary in neutral words and keep a short verbatim quote (under 200 characters).",
      ],
      [
        "Add rows",
        "In Airtable, add a row per feedback item: Comment link, Author (HN username), Type, Summary, Quote, Status = New. Add rows in batches of 10 and check they saved.",
      ],
      ["Report the themes", "Give the user counts by Type and the three most repeated themes with example links."],
    ],
    failures: [
      'HN returns "Sorry, we\'re not able to serve your requests this quickly": wait 30 seconds and reload more slowly.',
      "Airtable field names differ: map by meaning and tell the user the mapping before adding rows.",
      "A comment is flagged or dead: skip it.",
    ],
    safety: [
      "Never post, vote or flag on Hacker News.",
      "Do not modify or delete existing Airtable rows.",
      "Record only the public HN username, no other personal details.",
    ],
  }),
];
