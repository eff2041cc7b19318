"use client";

import { useSyncExternalStore } from "react";
import type { FlowViewerState, Viewer } from "@/lib/viewer";

/**
 * The viewer as the browser knows it, for pages served from the cache (they are the same HTML for everyone).
 * `undefined` until /api/viewer answers: islands then show the signed-out version, which is what the cached HTML
 * holds. The last answer is kept for the tab (sessionStorage) so a signed-in reload shows the right header at once;
 * the fetch that follows always has the last word.
 */
export type { FlowViewerState, Viewer };

const STORAGE_KEY = "flowtab:viewer";
let current: Viewer | undefined;
let remembered = false;
let request: AbortController | null = null;
const listeners = new Set<() => void>();

function set(viewer: Viewer) {
  current = viewer;
  try {
    if (viewer) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(viewer));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private modes); the fetch still decides.
  }
  for (const listener of listeners) listener();
}

function recall() {
  if (remembered) return;
  remembered = true;
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved && current === undefined) current = JSON.parse(saved) as Viewer;
  } catch {
    current = undefined;
  }
}

/** Asks the server who is looking (on first load, after navigation, after a tenant switch). */
export function refreshViewer(): void {
  request?.abort();
  const controller = new AbortController();
  request = controller;
  fetch("/api/viewer", { cache: "no-store", credentials: "same-origin", signal: controller.signal })
    .then((response) => (response.ok ? (response.json() as Promise<{ viewer: Viewer }>) : null))
    .then((body) => {
      if (body && request === controller) set(body.viewer);
    })
    .catch(() => {
      // Offline or aborted: keep what we had.
    });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): Viewer | undefined {
  recall();
  return current;
}

/** The viewer: `undefined` while unknown, `null` when signed out. */
export function useViewer(): Viewer | undefined {
  return useSyncExternalStore(subscribe, snapshot, () => undefined);
}
