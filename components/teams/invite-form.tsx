"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { IDLE, type FormAction } from "@/lib/auth/action-state";
import { ActionMessage, SubmitButton } from "./action-form";

/**
 * Invite by email. When every seat is taken the server refuses with reason "no_free_seat", and the form offers the
 * billing portal, where seats are added (the webhook brings the new quantity back).
 */
export function InviteForm({
  tenantId,
  inviteAction,
  portalAction,
}: {
  tenantId: string;
  inviteAction: FormAction;
  portalAction: FormAction;
}) {
  const [state, formAction] = useActionState(inviteAction, IDLE);
  const [portalState, portalFormAction] = useActionState(portalAction, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-col gap-4" noValidate aria-label="Invite a teammate">
        <input type="hidden" name="tenantId" value={tenantId} />
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <Field id="invite-email" label="Email" error={errors.email}>
            <Input
              name="email"
              type="email"
              autoComplete="off"
              required
              key={state.status === "ok" ? state.message : "form"}
              defaultValue={state.status === "error" ? state.values?.email : undefined}
            />
          </Field>
          <Field id="invite-role" label="Role" error={errors.role}>
            <Select name="role" defaultValue="member">
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </Select>
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>Send invitation</SubmitButton>
          {state.status === "ok" ? <ActionMessage state={state} /> : null}
        </div>
        {state.status === "error" && !errors.email ? <ActionMessage state={state} /> : null}
      </form>
      {state.reason === "no_free_seat" ? (
        <form action={portalFormAction} className="flex flex-col gap-1">
          <input type="hidden" name="tenantId" value={tenantId} />
          <div>
            <SubmitButton variant="secondary">Add seats in the billing portal</SubmitButton>
          </div>
          <ActionMessage state={portalState} />
        </form>
      ) : null}
    </div>
  );
}
