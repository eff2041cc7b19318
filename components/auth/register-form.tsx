"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type State = {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name?: string; email?: string };
};

export function RegisterForm({
  action,
  from,
  email,
}: {
  action: (prev: State, data: FormData) => Promise<State>;
  from: string;
  /** A suggested address (from an invitation link). */
  email?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state.error ? <Alert variant="danger">{state.error}</Alert> : null}
      <input type="hidden" name="from" value={from} />
      <Field id="name" label="Name" error={errors.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name} />
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} />
      </Field>
      <Field id="password" label="Password" hint="At least 8 characters." error={errors.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </Field>
      <Button type="submit" loading={pending} fullWidth>
        Create account
      </Button>
    </form>
  );
}
