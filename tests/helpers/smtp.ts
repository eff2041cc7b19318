import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string | null; raw: string };

export type TestSmtp = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Messages accepted, in order. */
  messages: ReceivedMail[];
  /** When each delivery attempt (accepted or refused) finished sending its data. */
  attempts: number[];
  /** Refuse the next `n` deliveries with a temporary error (451), or every one. */
  refuse: (n: number | "always") => void;
  /** Waits until `n` messages were accepted; throws after `timeoutMs`. */
  waitForMessages: (n: number, timeoutMs: number) => Promise<ReceivedMail[]>;
  reset: () => void;
  close: () => Promise<void>;
};

/** A real SMTP server on a free local port (no TLS, no auth), recording what it is sent. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const attempts: number[] = [];
  let refusals: number | "always" = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts.push(Date.now());
        if (refusals === "always" || refusals > 0) {
          if (refusals !== "always") refusals -= 1;
          const error = Object.assign(new Error("4.3.0 Mailbox busy, try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? null,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts,
    refuse: (n) => {
      refusals = n;
    },
    waitForMessages: async (n, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > deadline)
          throw new Error(`Expected ${n} messages within ${timeoutMs} ms, got ${messages.length}.`);
        await sleep(50);
      }
      return messages.slice(0, n);
    },
    reset: () => {
      messages.length = 0;
      attempts.length = 0;
      refusals = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
