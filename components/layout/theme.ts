/** Theme preference: stored in localStorage; absent means "follow the OS". */
export type ThemePreference = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "flowtab-theme";

/**
 * Runs in <head> before first paint: puts `dark` on <html> when wanted and records the preference in
 * data-theme-pref (the toggle's icon reads it with CSS, so nothing flashes before hydration).
 */
export const themeScript = `(function(){var p="system";try{var s=localStorage.getItem("${THEME_STORAGE_KEY}");if(s==="light"||s==="dark")p=s}catch(e){}var d=p==="dark"||(p==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;r.classList.toggle("dark",d);r.setAttribute("data-theme-pref",p)})()`;

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

export function writeThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage can be unavailable (private mode, blocked): the choice then lasts for this page only.
  }
}

export function applyThemePreference(preference: ThemePreference): void {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.setAttribute("data-theme-pref", preference);
}
