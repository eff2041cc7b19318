import type { Metadata } from "next";
import { z } from "zod";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminSearchForm } from "@/components/admin/search-form";
import { OutboxTable } from "@/components/admin/outbox-table";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listOutboxPage } from "@/db/queries/admin";
import { isSmtpConfigured } from "@/lib/email/transport";
import { requireAdminPage } from "../admin-guard";

export const metadata: Metadata = { title: "Email outbox", robots: { index: false } };

const PAGE_SIZE = 25;
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
const recipientSchema = z.string().trim().toLowerCase().max(254).catch("");

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin/outbox");
  const params = await searchParams;
  const page = pageSchema.parse(params.page);
  const to = recipientSchema.parse(params.to);
  const { items, total } = await listOutboxPage(await getDb(), { page, pageSize: PAGE_SIZE, to: to || undefined });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Platform admin"
        title="Email outbox"
        description={
          to
            ? `Emails to addresses containing “${to}”, newest first (${total.toLocaleString("en-US")} found).`
            : `Every email Flowtab has queued, newest first (${total.toLocaleString("en-US")} in all).`
        }
      />
      <AdminNav current="/admin/outbox" />
      <div className="mt-6">
        <AdminSearchForm
          action="/admin/outbox"
          name="to"
          label="Recipient contains"
          placeholder="Filter by recipient email"
          submitLabel="Filter"
          value={to}
        />
      </div>
      {!isSmtpConfigured() ? (
        <Alert className="mt-6" title="SMTP_URL is not set">
          Nothing is sent: this outbox is the delivery, and messages stay queued here for you to read.
        </Alert>
      ) : null}
      <div className="mt-6">
        {items.length === 0 ? (
          <EmptyState
            title={to ? "No emails to this recipient" : page > 1 ? "No emails on this page" : "No emails yet"}
            description={
              to
                ? `Nothing was queued for an address containing “${to}”.`
                : "Payout, billing and welcome emails appear here as they are queued."
            }
          />
        ) : (
          <OutboxTable emails={items} />
        )}
      </div>
      <Pagination className="mt-6" page={page} pageCount={pageCount} basePath="/admin/outbox" searchParams={params} />
    </Container>
  );
}
