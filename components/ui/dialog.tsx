"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { cn } from "./cn";
import { XIcon } from "./icons";

type DialogSize = "sm" | "md" | "lg";

export type DialogProps = {
  open: boolean;
  /** Called on Escape, the close button, a backdrop click, or a <form method="dialog"> submit inside. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row at the bottom, right-aligned (e.g. Cancel + Confirm). */
  footer?: ReactNode;
  size?: DialogSize;
  /** Element to focus on open; by default the browser focuses the first focusable element inside. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Close when the backdrop is clicked. Default true. */
  closeOnBackdrop?: boolean;
  className?: string;
};

const widths: Record<DialogSize, string> = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" };

/**
 * A modal on the native <dialog>: the browser provides the focus trap, inertness of the page and Escape.
 * Controlled: keep `open` in state and set it to false in onClose. Focus returns to the element that
 * was focused before opening.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  initialFocusRef,
  closeOnBackdrop = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocusRef?.current?.focus();
      const root = document.documentElement;
      const previousOverflow = root.style.overflow;
      root.style.overflow = "hidden";
      return () => {
        root.style.overflow = previousOverflow;
        if (dialog.open) dialog.close();
        returnFocus.current?.focus();
      };
    }
  }, [open, initialFocusRef]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let the parent decide, so `open` stays the single source of truth.
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // Closed natively (form method="dialog", or a repeated Escape the browser would not let us cancel).
        if (open) onCloseRef.current();
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onCloseRef.current();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-xl border border-line bg-surface p-0 text-ink shadow-raised",
        widths[size],
        className,
      )}
    >
      <div className="relative flex max-h-[calc(100dvh-4rem)] flex-col">
        <div className="overflow-y-auto p-5 sm:p-6">
          <h2 id={titleId} className="pr-8 text-lg font-semibold tracking-tight">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="mt-1.5 text-sm text-ink-muted">
              {description}
            </p>
          ) : null}
          {children ? <div className="mt-4">{children}</div> : null}
        </div>
        {footer ? (
          <div className="flex flex-col-reverse gap-2 border-t border-line px-5 py-4 sm:flex-row sm:justify-end sm:px-6">
            {footer}
          </div>
        ) : null}
        <button
          type="button"
          onClick={() => onCloseRef.current()}
          aria-label="Close"
          className="absolute top-3.5 right-3.5 inline-flex size-8 items-center justify-center rounded-md text-ink-subtle transition-colors hover:bg-surface-muted hover:text-ink"
        >
          <XIcon />
        </button>
      </div>
    </dialog>
  );
}
