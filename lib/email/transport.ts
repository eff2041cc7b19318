import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** What delivery needs from a transport: nodemailer's Transporter has it, and so does its jsonTransport in tests. */
export type MailSender = {
  sendMail: (message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    headers?: Record<string, string>;
  }) => Promise<unknown>;
};

let transport: MailSender | null | undefined;

/**
 * The SMTP transport for SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587, smtps://... for TLS), or null when
 * SMTP_URL is unset: then the email_outbox table is the delivery, and /admin/outbox is where mail is read.
 */
export function getMailTransport(): MailSender | null {
  if (transport !== undefined) return transport;
  const url = env().SMTP_URL;
  transport = url ? nodemailer.createTransport(url) : null;
  return transport;
}

/** Whether mail leaves the building (SMTP_URL set) or stays in the outbox table. */
export function isSmtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
