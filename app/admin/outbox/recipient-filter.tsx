import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Narrows the outbox to one recipient; a plain GET form, so it works before any script loads. */
export function RecipientFilter({ to = "" }: { to?: string }) {
  return (
    <form action="/admin/outbox" method="get" role="search" className="flex max-w-xl gap-2">
      <label htmlFor="outbox-recipient" className="sr-only">
        Recipient contains
      </label>
      <Input
        id="outbox-recipient"
        name="to"
        type="search"
        defaultValue={to}
        placeholder="Filter by recipient email"
        maxLength={254}
      />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
