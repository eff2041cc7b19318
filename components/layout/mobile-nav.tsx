"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MenuIcon, XIcon } from "@/components/ui/icons";
import { accountNav, initialsOf, isActivePath, MAIN_NAV, type HeaderUser } from "./nav-items";

const linkClasses = "flex items-center rounded-lg px-3 py-2.5 text-base font-medium transition-colors";

/**
 * Below the md breakpoint the header's links live in this disclosure panel. Escape closes it and
 * returns focus to the toggle; following a link or tapping outside closes it too.
 */
export function MobileNav({ user }: { user: HeaderUser | null }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  const close = () => setOpen(false);

  return (
    <div ref={containerRef} className="md:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex size-9 items-center justify-center rounded-lg text-ink transition-colors hover:bg-surface-muted"
      >
        {open ? <XIcon size={20} /> : <MenuIcon size={20} />}
        <span className="sr-only">{open ? "Close menu" : "Menu"}</span>
      </button>

      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-line bg-canvas shadow-raised"
      >
        <nav aria-label="Main" className="flex flex-col gap-1 px-4 pt-3 pb-4">
          {MAIN_NAV.map((item) => {
            const active = isActivePath(pathname, item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={close}
                aria-current={active ? "page" : undefined}
                className={cn(
                  linkClasses,
                  active ? "bg-surface-muted text-ink" : "text-ink-muted hover:bg-surface-muted hover:text-ink",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>

        <div className="border-t border-line px-4 pt-3 pb-5">
          {user ? (
            <>
              <div className="mb-2 flex items-center gap-3 px-3">
                <span
                  aria-hidden="true"
                  className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-inverse text-xs font-semibold text-on-inverse"
                >
                  {initialsOf(user)}
                </span>
                <div className="min-w-0">
                  {user.name ? <p className="truncate text-sm font-medium text-ink">{user.name}</p> : null}
                  <p className="truncate text-xs text-ink-muted">{user.email}</p>
                </div>
              </div>
              <nav aria-label="Account" className="flex flex-col gap-1">
                {accountNav(user.isAdmin)
                  .filter((item) => !MAIN_NAV.some((main) => main.href === item.href))
                  .map((item) => (
                    <Link
                      key={item.href}
                      href={item.href}
                      onClick={close}
                      className={cn(linkClasses, "text-ink-muted hover:bg-surface-muted hover:text-ink")}
                    >
                      {item.label}
                    </Link>
                  ))}
              </nav>
              <form action="/logout" method="post" className="mt-3 px-3">
                <button type="submit" className={buttonClasses({ variant: "secondary", fullWidth: true })}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <div className="flex flex-col gap-2">
              <Link href="/register" onClick={close} className={buttonClasses({ size: "lg", fullWidth: true })}>
                Start free trial
              </Link>
              <Link
                href="/login"
                onClick={close}
                className={buttonClasses({ variant: "secondary", size: "lg", fullWidth: true })}
              >
                Sign in
              </Link>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
