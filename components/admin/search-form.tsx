import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type SearchFormProps = {
  /** The admin page the form searches (`/admin/users`, `/admin/outbox`). */
  action: string;
  /** The query parameter it sets. */
  name: string;
  /** The field's accessible name (visually hidden). */
  label: string;
  placeholder: string;
  submitLabel: string;
  value?: string;
};

/** A one-field search on an admin page; a plain GET form, so it works before any script loads. */
export function AdminSearchForm({ action, name, label, placeholder, submitLabel, value = "" }: SearchFormProps) {
  const id = `admin-search-${name}`;
  return (
    <form action={action} method="get" role="search" className="flex max-w-xl gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} maxLength={254} />
      <Button type="submit" variant="secondary">
        {submitLabel}
      </Button>
    </form>
  );
}

/** The user search by email, on the console and on `/admin/users` (which shows its results). */
export function UserSearchForm({ value }: { value?: string }) {
  return (
    <AdminSearchForm
      action="/admin/users"
      name="q"
      label="Email contains"
      placeholder="Search users by email"
      submitLabel="Search"
      value={value}
    />
  );
}
