/** Links shared by the desktop nav, the mobile panel and the account menu. */
export type NavItem = { href: string; label: string };

export const MAIN_NAV: NavItem[] = [
  { href: "/flows", label: "Flows" },
  { href: "/library", label: "Library" },
  { href: "/pricing", label: "Pricing" },
];

export function accountNav(isAdmin: boolean): NavItem[] {
  const items: NavItem[] = [
    { href: "/account", label: "Account" },
    { href: "/account/team", label: "Team" },
    { href: "/library", label: "Library" },
    { href: "/creator", label: "Creator dashboard" },
    { href: "/account/tokens", label: "API tokens" },
  ];
  if (isAdmin) items.push({ href: "/admin", label: "Admin" });
  return items;
}

/** True when `pathname` is the item's page or below it. */
export function isActivePath(rawPathname: string | null, href: string): boolean {
  if (!rawPathname) return false;
  // A page served from the cache through middleware's rewrite renders on the server at its internal path
  // (/cached/flows/..., lib/cache/public-rewrites.ts) and in the browser at its public one: both must agree.
  const pathname = rawPathname.startsWith("/cached/") ? rawPathname.slice("/cached".length) : rawPathname;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** What the header's client parts need to know about the user (no ids, nothing secret). */
export type HeaderUser = { name: string | null; email: string; isAdmin: boolean };

export function initialsOf(user: Pick<HeaderUser, "name" | "email">): string {
  const source = user.name?.trim() || user.email.split("@")[0] || "?";
  const words = source.split(/[\s._-]+/).filter(Boolean);
  const letters = words.length >= 2 ? words[0][0] + words[1][0] : source.slice(0, 2);
  return letters.toUpperCase();
}
