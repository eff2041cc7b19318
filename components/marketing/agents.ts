/** Agents named on the marketing pages (display only; the catalogue's filter list comes from the data). */
export const SUPPORTED_AGENTS = [
  "Perplexity Comet",
  "ChatGPT Atlas",
  "Opera Neon",
  "Manus",
  "Browser Use",
  "Playwright MCP",
  "Claude for Chrome",
  "Gemini in Chrome",
] as const;
