import localFont from "next/font/local";

// Geist and Geist Mono (SIL Open Font License 1.1, from the `geist` package), subset to Latin and to weights 400-700
// by scripts/subset-fonts.sh: 24 kB each instead of 70 kB, which a phone on a slow network feels (issue 13).
// Text outside the subset falls back to the system font, glyph by glyph.

/** The UI font, preloaded: every page's first text is set in it. */
export const sans = localFont({
  src: "./Geist-Variable-latin.woff2",
  variable: "--font-geist-sans",
  weight: "400 700",
  display: "swap",
});

/** Code and numbers in tables: not preloaded, a page without monospace text never downloads it. */
export const mono = localFont({
  src: "./GeistMono-Variable-latin.woff2",
  variable: "--font-geist-mono",
  weight: "400 700",
  display: "swap",
  preload: false,
});
