import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listAuditPage } from "@/db/queries/audit-log";
import { pageCount, pageParam, type SearchParams } from "./params";

const PAGE_SIZE = 20;

/** The admin audit log: who did what, newest first. */
export async function AuditSection({ params }: { params: SearchParams }) {
  const page = pageParam(params, "auditPage");
  const { items, total } = await listAuditPage(await getDb(), { page, pageSize: PAGE_SIZE });
  return (
    <section id="audit" aria-labelledby="audit-title" className="mt-10">
      <h2 id="audit-title" className="mb-4 text-lg font-semibold text-ink">
        Audit log
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No admin actions yet" description="Every action taken on this console is recorded here." />
      ) : (
        <AuditTable entries={items} />
      )}
      <Pagination
        className="mt-4"
        page={page}
        pageCount={pageCount(total, PAGE_SIZE)}
        basePath="/admin"
        searchParams={{ ...params, notice: undefined }}
        param="auditPage"
      />
    </section>
  );
}
