"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { IDLE, type FormAction } from "@/lib/auth/action-state";
import { SubmitButton } from "./action-form";

/** Team name and seats, then Stripe Checkout (quantity = seats). */
export function CreateTeamForm({
  action,
  minSeats,
  maxSeats,
  priceLabel,
}: {
  action: FormAction;
  minSeats: number;
  maxSeats: number;
  priceLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate aria-label="Create a team">
      {state.status === "error" && !errors.name && !errors.seats ? (
        <Alert variant="danger">{state.message}</Alert>
      ) : null}
      <Field id="team-name" label="Team name" error={errors.name}>
        <Input name="name" required maxLength={80} defaultValue={state.values?.name} />
      </Field>
      <Field
        id="team-seats"
        label="Seats"
        hint={`${priceLabel} per seat per month; at least ${minSeats}.`}
        error={errors.seats}
      >
        <Input
          name="seats"
          type="number"
          inputMode="numeric"
          min={minSeats}
          max={maxSeats}
          required
          defaultValue={state.values?.seats ?? String(minSeats)}
        />
      </Field>
      <div>
        <SubmitButton>Continue to payment</SubmitButton>
      </div>
    </form>
  );
}
