"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { HeartIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { formatCount } from "./format";
import { BookmarkIcon } from "./icons";

type Props = {
  slug: string;
  /** Null when signed out: the buttons become links to sign in. */
  viewer: { liked: boolean; saved: boolean } | null;
  likes: number;
  loginHref: string;
};

/** Like and Save. Optimistic: the button flips at once and rolls back if the server says no. */
export function ReactionButtons({ slug, viewer, likes, loginHref }: Props) {
  if (!viewer) {
    return (
      <div className="flex gap-2">
        <Link href={loginHref} className={buttonClasses({ variant: "secondary" })} title="Sign in to like this flow">
          <HeartIcon size={16} /> Like <Count n={likes} />
        </Link>
        <Link href={loginHref} className={buttonClasses({ variant: "secondary" })} title="Sign in to save this flow">
          <BookmarkIcon size={16} /> Save
        </Link>
      </div>
    );
  }
  return (
    <div className="flex gap-2">
      <Toggle
        url={`/api/v1/flows/${encodeURIComponent(slug)}/like`}
        initial={{ on: viewer.liked, count: likes }}
        read={(body) => ({ on: Boolean(body.liked), count: Number(body.likes) })}
        label="Like"
        icon={(on) => <HeartIcon size={16} fill={on ? "currentColor" : "none"} />}
        showCount
        failure="Could not update your like"
      />
      <Toggle
        url={`/api/v1/flows/${encodeURIComponent(slug)}/save`}
        initial={{ on: viewer.saved, count: 0 }}
        read={(body) => ({ on: Boolean(body.saved), count: Number(body.saves) })}
        label="Save"
        icon={(on) => <BookmarkIcon size={16} fill={on ? "currentColor" : "none"} />}
        failure="Could not update your saved flows"
        successMessage={(on) => (on ? "Saved to your flows" : "Removed from your saved flows")}
      />
    </div>
  );
}

type ToggleState = { on: boolean; count: number };

function Toggle({
  url,
  initial,
  read,
  label,
  icon,
  showCount = false,
  failure,
  successMessage,
}: {
  url: string;
  initial: ToggleState;
  read: (body: Record<string, unknown>) => ToggleState;
  label: string;
  icon: (on: boolean) => React.ReactNode;
  showCount?: boolean;
  failure: string;
  successMessage?: (on: boolean) => string;
}) {
  const { toast } = useToast();
  const [state, setState] = useState(initial);
  const [pending, setPending] = useState(false);
  // The last state the server confirmed: what a failed request rolls back to.
  const confirmed = useRef(initial);

  async function toggle() {
    // One request at a time keeps the count honest; the flip itself is immediate.
    if (pending) return;
    const next = !state.on;
    setState({ on: next, count: Math.max(0, confirmed.current.count + (next ? 1 : -1)) });
    setPending(true);
    try {
      const response = await fetch(url, { method: next ? "PUT" : "DELETE" });
      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      if (!response.ok || !body) {
        const message = (body?.error as { message?: string } | undefined)?.message;
        throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : message);
      }
      const server = read(body);
      confirmed.current = server;
      setState(server);
      if (successMessage) toast({ title: successMessage(server.on), variant: "success", durationMs: 3000 });
    } catch (error) {
      setState(confirmed.current);
      toast({ title: failure, description: (error as Error).message || "Please try again.", variant: "danger" });
    } finally {
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      aria-pressed={state.on}
      onClick={toggle}
      className={cn(
        buttonClasses({ variant: "secondary" }),
        state.on && "border-accent/40 bg-accent-soft text-accent-text hover:bg-accent-soft",
      )}
    >
      {icon(state.on)}
      {label}
      {showCount ? <Count n={state.count} /> : null}
    </button>
  );
}

function Count({ n }: { n: number }) {
  return (
    <span className="font-mono text-xs text-ink-subtle tabular-nums">
      <span className="sr-only">, </span>
      {formatCount(n)}
    </span>
  );
}
