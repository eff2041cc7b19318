import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Search users by email; a plain GET form, so it works before any script loads. */
export function UserSearchForm({ query = "" }: { query?: string }) {
  return (
    <form action="/admin/users" method="get" role="search" className="flex max-w-xl gap-2">
      <label htmlFor="user-search" className="sr-only">
        Email contains
      </label>
      <Input
        id="user-search"
        name="q"
        type="search"
        defaultValue={query}
        placeholder="Search users by email"
        maxLength={254}
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
