// The premium-leak crawler (issue 11). Three visitors (signed out, a member, a trial member past its 20 copies)
// visit every public page (following links from / and the sitemap) and every public JSON response, and search for
// each premium flow's distinctive prompt words: words of its text that occur in no public field of any flow and in
// no page chrome. None may appear in anything they get; for the visitors without premium access, a search for them
// must not find the flow either (the trial member has premium access: its search may match the text, PRODUCT.md).
import { expect, test, type BrowserContext } from "@playwright/test";
import { stemmer } from "stemmer";
import { CATEGORIES } from "../../db/seed/content/vocabulary";
import { DEMO, signInWithForm } from "./support/auth";
import { cookieHeader, startTrialMember } from "./support/trial";

type Item = { slug: string; title: string; isPremium: boolean; creator: { handle: string | null } };
type Visitor = { name: string; cookie?: string; entitled: boolean };

const WORD = /[a-z]{6,}/g;
// JSON (and the RSC payload inside HTML) escapes newlines and quotes: "\nproduce" must read as "produce".
const ESCAPE = /\\(?:u[0-9a-fA-F]{4}|.)/g;
const words = (text: string) => new Set(text.replace(ESCAPE, " ").toLowerCase().match(WORD) ?? []);
/**
 * Search matches stems ("approves" finds "approve", "banking" finds "bank"), so a prompt word is only secret if no
 * public word shares its stem. PostgreSQL stems with Snowball's English (Porter2); the crawler uses Porter's
 * original (`stemmer`), which agrees on nearly every word, and, to stay on the safe side where they differ, also
 * treats a word as public when its first max(5, length - 3) letters begin a public word.
 */
const stemKey = (word: string) => word.slice(0, Math.max(5, word.length - 3));
const prefixesOf = (words: Iterable<string>) => {
  const prefixes = new Set<string>();
  for (const w of words) for (let n = 5; n <= w.length; n++) prefixes.add(w.slice(0, n));
  return prefixes;
};
const RATE_BUDGET = 100; // views per minute we allow ourselves (the limit is 120, copies included)
const TRIAL_READERS = 3;
const PARALLEL = 6;

/** One member's reader views and copies, kept within RATE_BUDGET per clock minute (the server's window). */
class RateBudget {
  private window = -1;
  private used = 0;
  constructor(readonly cookie: string) {}

  /** Waits for the next minute when `n` more requests would go over the budget of this one. */
  async spend(n: number) {
    const minute = () => Math.floor(Date.now() / 60_000);
    if (minute() !== this.window) [this.window, this.used] = [minute(), 0];
    if (this.used + n > RATE_BUDGET) {
      await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 500));
      [this.window, this.used] = [minute(), 0];
    }
    this.used += n;
  }
}

/** Runs `tasks` with at most PARALLEL at a time, in order of start. */
async function pool<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += PARALLEL) {
    results.push(...(await Promise.all(tasks.slice(i, i + PARALLEL).map((t) => t()))));
  }
  return results;
}

test.describe.configure({ mode: "serial" });

test("no premium word reaches a visitor without the reader: signed out, member, trial past its limit", async ({
  browser,
}) => {
  test.setTimeout(3_600_000);
  const base = test.info().project.use.baseURL!;
  // A busy machine may answer 503 (database pool) with Retry-After: try again rather than read an error page as
  // the public record (a missing public word would then look like a leak).
  const get = async (path: string, cookie?: string) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(new URL(path, base), { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 503 || attempt === 5)
        return { status: res.status, body, location: res.headers.get("location") };
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get("retry-after") ?? 2)));
    }
  };
  /** A page the public corpus is built from: it must be there, or the corpus would miss its words. */
  const publicBody = async (path: string) => {
    const res = await get(path);
    expect(res.status, `${path} for the public corpus`).toBe(200);
    return res.body;
  };
  const json = async <T>(path: string) => JSON.parse((await get(path)).body) as T;

  // 1. The public record of every flow: catalogue pages and each flow's JSON (free flows with their text).
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const res = await json<{ items: Item[]; total: number }>(`/api/v1/flows?pageSize=100&page=${page}`);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) break;
  }
  const publicJson = new Map<string, string>();
  await pool(
    items.map((item) => async () => publicJson.set(item.slug, await publicBody(`/api/v1/flows/${item.slug}`))),
  );
  const creators = [...new Set(items.map((i) => i.creator.handle).filter((h): h is string => Boolean(h)))];
  // Words anyone can read: every flow's public JSON, creator pages, and the chrome of pages that show no flow text.
  const publicCorpus = [...publicJson.values()].join("\n");
  const chrome: string[] = [];
  const chromePaths = ["/pricing", "/docs/api", "/docs/mcp", "/api/v1/openapi.json", "/login", "/register", "/flows"];
  for (const path of [...chromePaths, "/verify-email", "/"]) chrome.push(await publicBody(path));
  chrome.push(...(await pool(creators.map((handle) => async () => await publicBody(`/creators/${handle}`)))));
  const free = items.find((i) => !i.isPremium)!;
  chrome.push(await publicBody(`/flows/${free.slug}`));
  // Every flow page shows its category, which the JSON does not carry.
  chrome.push(CATEGORIES.join(" "));
  const publicWords = words(`${publicCorpus}\n${chrome.join("\n")}`);
  const publicPrefixes = prefixesOf(publicWords);
  // Stems of every public word, short ones too: "bank" in a title makes "banking" public.
  const publicText = `${publicCorpus}\n${chrome.join("\n")}`.replace(ESCAPE, " ").toLowerCase();
  const publicStems = new Set((publicText.match(/[a-z]{3,}/g) ?? []).map((w) => stemmer(w)));
  const isPublic = (w: string) => publicWords.has(w) || publicStems.has(stemmer(w)) || publicPrefixes.has(stemKey(w));

  // 2. Trial members read every premium flow in the protected reader (the oracle). Reader views count against each
  //    member's own 120-a-minute limit: three members read a third each, at once, so nobody waits for a new minute.
  const trials = await Promise.all(
    Array.from({ length: TRIAL_READERS }, (_, i) => startTrialMember(browser, `Crawler Trial ${i + 1}`)),
  );
  const readers = await Promise.all(trials.map(async (trial) => new RateBudget(await cookieHeader(trial.context))));
  const premium = items.filter((i) => i.isPremium);
  const secrets = new Map<string, string[]>();
  await Promise.all(
    readers.map(async (reader, r) => {
      for (const flow of premium.filter((_, i) => i % readers.length === r)) {
        await reader.spend(1);
        const res = await get(`/library/${flow.slug}`, reader.cookie);
        expect(res.status, `the trial member reads ${flow.slug}`).toBe(200);
        const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(res.body)?.[1] ?? "";
        const text = article.replace(/<[^>]+>/g, " ");
        expect(text.length, `the reader shows ${flow.slug}'s text`).toBeGreaterThan(100);
        const distinctive = [...words(text)].filter((w) => !isPublic(w));
        if (distinctive.length > 0) secrets.set(flow.slug, distinctive);
      }
    }),
  );
  const secretWords = new Map<string, string>(); // word -> flow
  for (const [slug, list] of secrets) for (const w of list) secretWords.set(w, slug);
  // Seeded flows share much wording with free flows (whose text is public); a good share still has words of its own.
  expect(secrets.size, "premium flows with distinctive words").toBeGreaterThan(premium.length / 4);

  // 3. One of them spends its 20 copies (free flows: a premium text never leaves through this test's copies); the
  //    next copy is refused. Copies share the rate limit with the reads above: within its budget, or a new minute.
  const [trial] = trials;
  const [trialReader] = readers;
  if (!trial || !trialReader) throw new Error("no trial member");
  const trialCookie = trialReader.cookie;
  await trialReader.spend(21);
  const copy = (slug: string) =>
    trial.context.request.post(`/api/v1/flows/${slug}/copy`, { data: { source: "web" } }).then((r) => r.status());
  const freeSlugs = items.filter((i) => !i.isPremium).map((i) => i.slug);
  for (const slug of freeSlugs.slice(0, 20)) expect(await copy(slug)).toBe(200);
  expect(await copy(premium[0]!.slug), "the 21st copy of the trial").toBe(429);

  // 4. The visitors. The member is the demo member; the trial member is the one past its limit.
  const memberContext: BrowserContext = await browser.newContext();
  await signInWithForm(await memberContext.newPage(), DEMO.member);
  const visitors: Visitor[] = [
    { name: "signed out", entitled: false },
    { name: "member", cookie: await cookieHeader(memberContext), entitled: false },
    { name: "trial member past its limit", cookie: trialCookie, entitled: true },
  ];
  await memberContext.close();

  // Every public page: links from / and the sitemap, followed breadth-first (same origin, public areas only).
  const sitemap = (await get("/sitemap.xml")).body;
  const start = [
    "/",
    ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname + new URL(m[1]!).search),
  ];
  const isPublicPage = (path: string) =>
    /^\/($|flows($|\/|\?)|creators\/|pricing$|docs\/api$|login|register|verify-email)/.test(path) &&
    !path.startsWith("/api/");
  const apiPaths = [
    ...Array.from({ length: Math.ceil(items.length / 100) }, (_, i) => `/api/v1/flows?pageSize=100&page=${i + 1}`),
    ...items.map((i) => `/api/v1/flows/${i.slug}`),
    "/api/v1/openapi.json",
    "/sitemap.xml",
    "/robots.txt",
  ];
  const leaks: string[] = [];
  /** `echoed`: the word the request itself carried (a search box shows its query back). */
  const check = (who: string, path: string, body: string, echoed?: string) => {
    for (const w of words(body)) {
      if (w === echoed) continue;
      const slug = secretWords.get(w);
      if (slug) leaks.push(`${who}: "${w}" of ${slug} in ${path}`);
    }
  };
  const counts: Record<string, number> = {};
  for (const visitor of visitors) {
    const seen = new Set<string>();
    const queue = [...new Set(start)];
    let pages = 0;
    // Catalogue variants (filters x pages) multiply fast: they are visited, but links on them are not followed.
    const depth = new Map<string, number>(queue.map((p) => [p, 0]));
    while (queue.length > 0) {
      const batch = queue.splice(0, 6).filter((p) => !seen.has(p));
      batch.forEach((p) => seen.add(p));
      const results = await Promise.all(batch.map((p) => get(p, visitor.cookie).then((r) => [p, r] as const)));
      for (const [path, res] of results) {
        pages++;
        check(visitor.name, path, res.body);
        const d = depth.get(path) ?? 0;
        if (d >= 1 && path.includes("?")) continue;
        for (const m of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
          const href = m[1]!.replace(/&amp;/g, "&");
          if (!isPublicPage(href) || seen.has(href) || depth.has(href)) continue;
          depth.set(href, d + 1);
          queue.push(href);
        }
      }
    }
    await pool(
      apiPaths.map((path) => async () => {
        pages++;
        check(visitor.name, path, (await get(path, visitor.cookie)).body);
      }),
    );
    // Searches: each premium flow's distinctive words (up to three), through the API and the catalogue page.
    const searches = [...secrets].flatMap(([slug, list]) => [
      ...list.slice(0, 3).map((w) => async () => {
        const api = await get(`/api/v1/flows?q=${w}&pageSize=100`, visitor.cookie);
        pages++;
        check(visitor.name, `/api/v1/flows?q=${w}`, api.body, w);
        const found = (JSON.parse(api.body) as { items: Item[] }).items.map((i) => i.slug);
        if (!visitor.entitled && found.includes(slug)) leaks.push(`${visitor.name}: q=${w} finds ${slug}`);
      }),
      async () => {
        const page = await get(`/flows?q=${list[0]}`, visitor.cookie);
        pages++;
        check(visitor.name, `/flows?q=${list[0]}`, page.body, list[0]);
        if (!visitor.entitled && page.body.includes(`href="/flows/${slug}"`)) {
          leaks.push(`${visitor.name}: /flows?q=${list[0]} lists ${slug}`);
        }
      },
    ]);
    await pool(searches);
    counts[visitor.name] = pages;
  }
  await Promise.all(trials.map((t) => t.context.close()));

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `premium-leak crawler: ${total} pages and API responses (${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}); ${secretWords.size} distinctive words from ${secrets.size} of ${premium.length} premium flows`,
  );
  expect(leaks).toEqual([]);
});
