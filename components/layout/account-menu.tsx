"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { accountNav, initialsOf, type HeaderUser } from "./nav-items";

const itemClasses =
  "flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-ink outline-none transition-colors hover:bg-surface-muted focus:bg-surface-sunken focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-inset";

/**
 * The signed-in user's menu (WAI-ARIA menu button): Enter/Space/ArrowDown open on the first item,
 * ArrowUp on the last; arrows, Home and End move; Escape closes and returns focus to the button;
 * Tab or a click outside closes.
 */
export function AccountMenu({ user }: { user: HeaderUser }) {
  const [open, setOpen] = useState(false);
  const [initialFocus, setInitialFocus] = useState<"first" | "last">("first");
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const items = menuItems();
    (initialFocus === "last" ? items[items.length - 1] : items[0])?.focus();

    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, initialFocus]);

  function openMenu(focus: "first" | "last") {
    setInitialFocus(focus);
    setOpen(true);
  }

  function closeMenu({ returnFocus }: { returnFocus: boolean }) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      openMenu("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openMenu("last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems();
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(items.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        closeMenu({ returnFocus: true });
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  const displayName = user.name?.trim() || user.email;

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openMenu("first"))}
        onKeyDown={onButtonKeyDown}
        className={cn(
          "inline-flex size-9 items-center justify-center rounded-full bg-inverse text-xs font-semibold tracking-wide text-on-inverse",
          "ring-offset-2 ring-offset-canvas transition-shadow hover:ring-2 hover:ring-line-strong",
          open && "ring-2 ring-line-strong",
        )}
      >
        {/* Named by its content, so the name starts with the initials a sighted user sees (WCAG 2.5.3). */}
        {initialsOf(user)}
        <span className="sr-only">, account menu for {displayName}</span>
      </button>

      {open ? (
        <div className="absolute right-0 z-50 mt-2 w-64 origin-top-right rounded-xl border border-line bg-surface p-1.5 shadow-raised">
          <div className="mb-1 border-b border-line px-3 pt-2 pb-3">
            {user.name ? <p className="truncate text-sm font-medium text-ink">{user.name}</p> : null}
            <p className="truncate text-xs text-ink-muted">{user.email}</p>
          </div>
          <div ref={menuRef} id={menuId} role="menu" aria-label="Account" onKeyDown={onMenuKeyDown}>
            {accountNav(user.isAdmin).map((item) => (
              <Link
                key={item.href}
                href={item.href}
                role="menuitem"
                tabIndex={-1}
                onClick={() => setOpen(false)}
                className={itemClasses}
              >
                {item.label}
              </Link>
            ))}
            <div role="separator" className="my-1 h-px bg-line" />
            <form action="/logout" method="post" role="none">
              <button type="submit" role="menuitem" tabIndex={-1} className={itemClasses}>
                Sign out
              </button>
            </form>
          </div>
        </div>
      ) : null}
    </div>
  );
}
