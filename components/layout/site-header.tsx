import Link from "next/link";
import { getDb } from "@/db";
import type { FormAction } from "@/lib/auth/action-state";
import { getSessionUser } from "@/lib/auth/session";
import { getTenantSwitcher } from "@/lib/tenancy/session-tenant";
import { buttonClasses } from "@/components/ui/button";
import { AccountMenu } from "./account-menu";
import { Container } from "./container";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";
import { MAIN_NAV, type HeaderUser } from "./nav-items";
import { TenantSwitcher } from "./tenant-switcher";
import { ThemeToggle } from "./theme-toggle";

/**
 * The top bar on every page. Server component: reads the session, passes only display fields to the client parts.
 * People in more than one tenant get the switcher (`switchTenant` is the server action it submits to).
 */
export async function SiteHeader({ switchTenant }: { switchTenant: FormAction }) {
  const sessionUser = await getSessionUser();
  const switcher = sessionUser ? await getTenantSwitcher(await getDb(), sessionUser.id) : null;
  const user: HeaderUser | null = sessionUser
    ? { name: sessionUser.name, email: sessionUser.email, isAdmin: sessionUser.isAdmin }
    : null;

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

        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          {switcher ? (
            <TenantSwitcher
              tenants={switcher.tenants}
              currentTenantId={switcher.currentTenantId}
              action={switchTenant}
            />
          ) : null}
          <ThemeToggle />
          {user ? (
            <div className="hidden md:block">
              <AccountMenu user={user} />
            </div>
          ) : (
            <div className="hidden items-center gap-2 md:flex">
              <Link href="/login" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link href="/register" className={buttonClasses({ size: "sm" })}>
                Start free trial
              </Link>
            </div>
          )}
          <MobileNav user={user} />
        </div>
      </Container>
    </header>
  );
}
