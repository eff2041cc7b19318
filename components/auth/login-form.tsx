"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type State = { error?: string; values?: { email?: string } };

export function LoginForm({ action, from }: { action: (prev: State, data: FormData) => Promise<State>; from: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.error ? <Alert variant="danger">{state.error}</Alert> : null}
      <input type="hidden" name="from" value={from} />
      <Field id="email" label="Email">
        <Input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      </Field>
      <Field id="password" label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" loading={pending} fullWidth>
        Sign in
      </Button>
    </form>
  );
}
