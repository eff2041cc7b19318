import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { Sandbox } from "./core/sandbox";
import { requestListener } from "./http/server";

export interface SandboxOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Default `.data/stripe-sandbox.json`. */
  stateFile?: string;
  /** Where webhooks go: `${appUrl}/api/webhooks/stripe`. Default http://localhost:3000. */
  appUrl?: string;
  /** Signs webhooks. Default whsec_flowtab_sandbox. */
  webhookSecret?: string;
  /** First webhook retry delay; doubles per attempt. Default 1000. */
  retryBaseMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the Stripe sandbox on 127.0.0.1. Refuses in production: it would take payments that never happen. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "stripe-sandbox refuses to run with NODE_ENV=production: it is a stand-in for Stripe in dev and tests only.",
    );
  }
  const server = createServer();
  // Clients (fetch, the Stripe SDK) drop idle keep-alive sockets after ~4-5 s. The server keeps them longer, so it
  // never closes one just as a client reuses it: in-process, a client whose event loop was blocked for a few
  // seconds (PGlite) would otherwise send on a socket the server closes a moment later (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 12111, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sb = new Sandbox({
    baseUrl: url,
    appUrl: (options.appUrl ?? "http://localhost:3000").replace(/\/$/, ""),
    webhookSecret: options.webhookSecret ?? "whsec_flowtab_sandbox",
    retryBaseMs: options.retryBaseMs ?? 1000,
    stateFile: resolve(options.stateFile ?? ".data/stripe-sandbox.json"),
  });
  server.on("request", requestListener(sb));
  sb.webhooks.start();
  return {
    url,
    port,
    close: async () => {
      await sb.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
