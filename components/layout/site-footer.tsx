import Link from "next/link";
import { Container } from "./container";
import { Logo } from "./logo";

const COLUMNS: Array<{ title: string; links: Array<{ href: string; label: string }> }> = [
  {
    title: "Product",
    links: [
      { href: "/flows", label: "Browse flows" },
      { href: "/library", label: "Library" },
      { href: "/pricing", label: "Pricing" },
    ],
  },
  {
    title: "For creators",
    links: [
      { href: "/#creators", label: "How creators earn" },
      { href: "/creator/flows/new", label: "Publish a flow" },
      { href: "/creator", label: "Creator dashboard" },
      { href: "/creator/payouts", label: "Payouts" },
    ],
  },
  {
    title: "Developers",
    links: [
      { href: "/docs/api", label: "API docs" },
      { href: "/docs/mcp", label: "MCP for AI agents" },
      { href: "/account/tokens", label: "API tokens" },
    ],
  },
];

export function SiteFooter() {
  const year = new Date().getUTCFullYear();
  return (
    <footer className="mt-auto border-t border-line bg-surface-muted/60">
      <Container className="grid grid-cols-2 gap-x-6 gap-y-10 py-12 lg:grid-cols-[1.6fr_repeat(3,1fr)]">
        <div className="col-span-2 max-w-xs lg:col-span-1">
          <Logo />
          <p className="mt-3 text-sm text-ink-muted">
            Tested, reusable instructions for AI browser agents. Written by people who ran them.
          </p>
        </div>
        {COLUMNS.map((column) => (
          <nav key={column.title} aria-label={column.title}>
            <h2 className="font-mono text-xs font-medium tracking-wider text-ink-subtle uppercase">{column.title}</h2>
            <ul className="mt-3 flex flex-col gap-2">
              {column.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-sm text-ink-muted transition-colors hover:text-ink">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </Container>
      <Container>
        <div className="flex flex-col gap-2 border-t border-line py-6 text-xs text-ink-subtle sm:flex-row sm:justify-between">
          <p>© {year} Flowtab. All rights reserved.</p>
          <p>Payments and creator payouts are processed by Stripe.</p>
        </div>
      </Container>
    </footer>
  );
}
