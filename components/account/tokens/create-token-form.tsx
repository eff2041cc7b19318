"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type State = {
  token?: string;
  name?: string;
  fieldErrors?: Partial<Record<"name" | "scopes" | "expiresInDays", string>>;
};

/** Name, scopes and expiry; after creation the token is shown once with a copy button. */
export function CreateTokenForm({ action }: { action: (prev: State, data: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const { token } = state;
  return (
    <div className="flex flex-col gap-4">
      {token ? (
        <Alert variant="success" title={`Token “${state.name}” created`}>
          <p>Copy it now: it is shown only once.</p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded-md bg-surface px-3 py-2 font-mono text-xs text-ink"
          >
            {token}
          </code>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => navigator.clipboard.writeText(token)}>
            Copy token
          </Button>
        </Alert>
      ) : null}
      <form action={formAction} className="flex flex-col gap-4" noValidate>
        <Field id="token-name" label="Name" hint="For example: Browser extension, laptop script." error={errors.name}>
          <Input name="name" required maxLength={80} />
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-ink">Scopes</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value="flows:read" defaultChecked /> flows:read (search and read flows)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value="flows:copy" defaultChecked /> flows:copy (copy flows)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value="earnings:read" /> earnings:read (read your creator earnings)
          </label>
          <p className="text-xs text-ink-muted">
            No token can start a checkout, open the billing portal or set up payouts: those need you signed in here.
          </p>
          {errors.scopes ? <p className="text-xs font-medium text-danger-text">{errors.scopes}</p> : null}
        </fieldset>
        <Field id="token-expiry" label="Expires" error={errors.expiresInDays}>
          <Select name="expiresInDays" defaultValue="90">
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
            <option value="never">Never</option>
          </Select>
        </Field>
        <div>
          <Button type="submit" loading={pending}>
            Create token
          </Button>
        </div>
      </form>
    </div>
  );
}
