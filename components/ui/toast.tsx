"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { AlertCircleIcon, AlertTriangleIcon, CheckCircleIcon, InfoIcon, XIcon } from "./icons";

type ToastVariant = "info" | "success" | "warning" | "danger";

export type ToastOptions = {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it disappears by itself. Default 5000 (8000 for danger). */
  durationMs?: number;
};

export type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => string;
  dismiss: (id: string) => void;
};

type ToastEntry = Required<Pick<ToastOptions, "title" | "variant" | "durationMs">> & {
  id: string;
  description?: string;
};

const MAX_VISIBLE = 4;

const ToastContext = createContext<ToastApi | null>(null);

/** Mounted once in the root layout. Renders the polite live region that announces toasts. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    counter.current += 1;
    const variant = options.variant ?? "info";
    const entry: ToastEntry = {
      id: `toast-${counter.current}`,
      title: options.title,
      description: options.description,
      variant,
      durationMs: options.durationMs ?? (variant === "danger" ? 8000 : 5000),
    };
    setToasts((current) => [...current, entry].slice(-MAX_VISIBLE));
    return entry.id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-end"
      >
        <ol aria-live="polite" aria-atomic="false" className="flex w-full max-w-sm flex-col gap-2">
          {toasts.map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

/** `const { toast } = useToast(); toast({ title: "Copied", variant: "success" })`. Client components only. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider> (mounted in app/layout.tsx)");
  return api;
}

const accents: Record<ToastVariant, string> = {
  info: "text-info-text",
  success: "text-success-text",
  warning: "text-warning-text",
  danger: "text-danger-text",
};

const icons: Record<ToastVariant, typeof InfoIcon> = {
  info: InfoIcon,
  success: CheckCircleIcon,
  warning: AlertTriangleIcon,
  danger: AlertCircleIcon,
};

function ToastItem({ toast, onDismiss }: { toast: ToastEntry; onDismiss: (id: string) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.durationMs);

  // The timer pauses while the pointer or keyboard focus is on the toast, so it can be read and dismissed.
  useEffect(() => {
    if (paused) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt));
    };
  }, [paused, toast.id, onDismiss]);

  const Icon = icons[toast.variant];
  return (
    <li
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="pointer-events-auto flex animate-toast-in items-start gap-3 rounded-xl border border-line bg-surface p-4 text-sm shadow-raised"
    >
      <Icon size={18} className={cn("mt-px shrink-0", accents[toast.variant])} />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">{toast.title}</p>
        {toast.description ? <p className="mt-0.5 text-ink-muted">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss notification"
        className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-ink-subtle transition-colors hover:bg-surface-muted hover:text-ink"
      >
        <XIcon size={14} />
      </button>
    </li>
  );
}
