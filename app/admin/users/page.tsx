import type { Metadata } from "next";
import { z } from "zod";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserSearchForm } from "@/components/admin/search-form";
import { UserResults } from "@/components/admin/user-results";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { searchUsersForAdmin } from "@/lib/admin/user-search";
import { requireAdminPage } from "../admin-guard";
import { pageCount, pageParam } from "../sections/params";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

const PAGE_SIZE = 10;
const querySchema = z.string().trim().min(2).max(254).catch("");

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/users");
  const params = await searchParams;
  const query = querySchema.parse(params.q);
  const page = pageParam(params, "page");
  const result = query ? await searchUsersForAdmin(await getDb(), { query, page, pageSize: PAGE_SIZE }) : null;

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Platform admin"
        title="Users"
        description="Find a person by email: their tenants, plan, copies, flows and payouts."
      />
      <AdminNav current="/admin/users" />
      <div className="mt-6">
        <UserSearchForm value={query} />
      </div>
      <div className="mt-6">
        {!result ? (
          <EmptyState title="Search by email" description="Type at least two characters of an email address." />
        ) : result.items.length === 0 ? (
          <EmptyState title="No users found" description={`No email contains “${query}”.`} />
        ) : (
          <>
            <p className="mb-3 text-sm text-ink-muted" role="status">
              {result.total.toLocaleString("en-US")} user{result.total === 1 ? "" : "s"} found
            </p>
            <UserResults users={result.items} />
          </>
        )}
      </div>
      {result ? (
        <Pagination
          className="mt-6"
          page={page}
          pageCount={pageCount(result.total, PAGE_SIZE)}
          basePath="/admin/users"
          searchParams={params}
        />
      ) : null}
    </Container>
  );
}
