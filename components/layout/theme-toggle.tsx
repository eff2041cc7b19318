"use client";

import { useLayoutEffect } from "react";
import { cn } from "@/components/ui/cn";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import {
  applyThemePreference,
  readThemePreference,
  THEME_STORAGE_KEY,
  writeThemePreference,
  type ThemePreference,
} from "./theme";

const NEXT: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };

const STATES: Array<{ pref: ThemePreference; Icon: typeof SunIcon; label: string }> = [
  { pref: "system", Icon: MonitorIcon, label: "Theme: follows your system. Switch to light" },
  { pref: "light", Icon: SunIcon, label: "Theme: light. Switch to dark" },
  { pref: "dark", Icon: MoonIcon, label: "Theme: dark. Switch to follow your system" },
];

/** Cycles system -> light -> dark. The visible icon and accessible name follow <html data-theme-pref> via CSS. */
export function ThemeToggle({ className }: { className?: string }) {
  useLayoutEffect(() => {
    // Re-apply after React resets <html> attributes (dev Strict Mode remount), then keep in sync with
    // OS changes and with other tabs.
    applyThemePreference(readThemePreference());
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onSystemChange = () => {
      if (readThemePreference() === "system") applyThemePreference("system");
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === THEME_STORAGE_KEY || event.key === null) applyThemePreference(readThemePreference());
    };
    media.addEventListener("change", onSystemChange);
    window.addEventListener("storage", onStorage);
    return () => {
      media.removeEventListener("change", onSystemChange);
      window.removeEventListener("storage", onStorage);
    };
  }, []);

  function cycle() {
    const next = NEXT[readThemePreference()];
    writeThemePreference(next);
    applyThemePreference(next);
  }

  return (
    <button
      type="button"
      onClick={cycle}
      className={cn(
        "inline-flex size-9 items-center justify-center rounded-lg text-ink-muted transition-colors hover:bg-surface-muted hover:text-ink",
        className,
      )}
    >
      {STATES.map(({ pref, Icon, label }) => (
        <span key={pref} className="theme-pref-icon" data-for={pref}>
          <Icon size={18} />
          <span className="sr-only">{label}</span>
        </span>
      ))}
    </button>
  );
}
