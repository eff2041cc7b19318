"use client";

import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/auth/action-state";
import { ActionMessage, SubmitButton } from "./action-form";

/** Accept (signed in as the invited address) and Decline (anyone holding the link). */
export function InvitationAnswer({
  token,
  acceptAction,
  declineAction,
}: {
  token: string;
  acceptAction?: FormAction;
  declineAction: FormAction;
}) {
  const [accepted, accept] = useActionState(acceptAction ?? (async () => IDLE), IDLE);
  const [declined, decline] = useActionState(declineAction, IDLE);
  if (declined.status === "ok") return <ActionMessage state={declined} />;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {acceptAction ? (
          <form action={accept}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton>Accept invitation</SubmitButton>
          </form>
        ) : null}
        <form action={decline}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="ghost">Decline</SubmitButton>
        </form>
      </div>
      <ActionMessage state={accepted} />
      <ActionMessage state={declined} />
    </div>
  );
}
