"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import type { FormAction } from "@/lib/auth/action-state";
import { buttonClasses } from "@/components/ui/button";
import { refreshViewer, useViewer } from "@/components/viewer/viewer-store";
import { AccountMenu } from "./account-menu";
import { MobileNav } from "./mobile-nav";
import { TenantSwitcher } from "./tenant-switcher";
import { ThemeToggle } from "./theme-toggle";

/**
 * The header's right side. A client island: the header is part of every page, and pages served from the cache
 * cannot read the session, so the viewer comes from /api/viewer (asked again after every navigation).
 */
export function HeaderAccount({ switchTenant }: { switchTenant: FormAction }) {
  const pathname = usePathname();
  const viewer = useViewer();
  useEffect(() => {
    refreshViewer();
  }, [pathname]);
  const user = viewer?.user ?? null;

  return (
    <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
      {viewer?.switcher ? (
        <TenantSwitcher
          tenants={viewer.switcher.tenants}
          currentTenantId={viewer.switcher.currentTenantId}
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
  );
}
