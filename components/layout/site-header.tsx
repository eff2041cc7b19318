import type { FormAction } from "@/lib/auth/action-state";
import { Container } from "./container";
import { HeaderAccount } from "./header-account";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { MAIN_NAV } from "./nav-items";

/**
 * The top bar on every page. Reads no cookie, so pages served from the cache can carry it: who is signed in is
 * the client island HeaderAccount's business (`switchTenant` is the server action its tenant switcher submits to).
 */
export function SiteHeader({ switchTenant }: { switchTenant: FormAction }) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-canvas/85 backdrop-blur-md supports-[backdrop-filter]:bg-canvas/75">
      <Container className="flex h-16 items-center gap-4 md:gap-8">
        <Logo />
        <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
          {MAIN_NAV.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <HeaderAccount switchTenant={switchTenant} />
      </Container>
    </header>
  );
}
