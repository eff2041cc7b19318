"use client";

import { usePathname } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { Select } from "@/components/ui/select";
import { refreshViewer } from "@/components/viewer/viewer-store";
import { IDLE, type FormAction } from "@/lib/auth/action-state";

export type SwitcherTenant = { tenantId: string; name: string; kind: "personal" | "team" };

/**
 * For people in more than one tenant (their own and teams): which one they act in. The choice is a cookie the
 * server checks against their memberships on every request; it decides the plan pages, copies and new API tokens use.
 */
export function TenantSwitcher({
  tenants,
  currentTenantId,
  action,
}: {
  tenants: SwitcherTenant[];
  currentTenantId: string;
  action: FormAction;
}) {
  const pathname = usePathname();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(action, IDLE);
  // The header is a client island: once a switch has gone through, ask again who is acting, and as what.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) refreshViewer();
    wasPending.current = pending;
  }, [pending]);
  return (
    <form ref={formRef} action={formAction} className="flex items-center">
      <input type="hidden" name="from" value={pathname ?? "/account"} />
      <label htmlFor="tenant-switcher" className="sr-only">
        Workspace
      </label>
      <Select
        id="tenant-switcher"
        name="tenantId"
        key={currentTenantId}
        defaultValue={currentTenantId}
        onChange={() => formRef.current?.requestSubmit()}
        aria-invalid={state.status === "error" || undefined}
        title={state.status === "error" ? state.message : undefined}
        wrapperClassName="w-32 sm:w-44"
        className="h-9"
      >
        {tenants.map((t) => (
          <option key={t.tenantId} value={t.tenantId}>
            {t.kind === "personal" ? "Personal" : t.name}
          </option>
        ))}
      </Select>
      <noscript>
        <button type="submit" className="ml-1 text-sm underline">
          Switch
        </button>
      </noscript>
    </form>
  );
}
