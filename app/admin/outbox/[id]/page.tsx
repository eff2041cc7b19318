import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminNav } from "@/components/admin/admin-nav";
import { EmailPreview } from "@/components/admin/email-preview";
import { formatDateTime, humanize } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { getDb } from "@/db";
import { getOutboxEmail } from "@/db/queries/admin";
import { requireAdminPage } from "../../admin-guard";

export const metadata: Metadata = { title: "Email", robots: { index: false } };

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/outbox/${encodeURIComponent(id)}`);
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const email = await getOutboxEmail(await getDb(), { id: parsed.data });
  if (!email) notFound();

  const facts: Array<[string, ReactNode]> = [
    ["To", email.toAddress],
    ["Kind", humanize(email.kind)],
    ["Status", <StatusBadge key="status" status={email.status} />],
    ["Queued", formatDateTime(email.createdAt)],
    ["Sent", formatDateTime(email.sentAt)],
    [
      "Dedupe key",
      <span key="dedupe" className="font-mono text-xs break-all">
        {email.dedupeKey ?? "—"}
      </span>,
    ],
  ];
  if (email.error)
    facts.push([
      "Error",
      <span key="error" className="text-danger-text">
        {email.error}
      </span>,
    ]);

  return (
    <Container className="py-10">
      <PageHeader eyebrow={<Link href="/admin/outbox">← Email outbox</Link>} title={email.subject} />
      <AdminNav current="/admin/outbox" />
      <dl className="mt-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-8">
        <EmailPreview subject={email.subject} text={email.textBody} html={email.htmlBody} />
      </div>
    </Container>
  );
}
