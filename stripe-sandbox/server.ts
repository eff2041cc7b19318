// `npm run sandbox`: the Stripe sandbox as a process (dev and tests only; refuses NODE_ENV=production).
import { z } from "zod";
import { startSandbox } from "./index";
import { API_VERSION } from "./core/sandbox";

const env = z
  .object({
    NODE_ENV: z.string().optional(),
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
    APP_URL: z.url().default("http://localhost:3000"),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").default("whsec_flowtab_sandbox"),
    SANDBOX_STATE_FILE: z.string().min(1).default(".data/stripe-sandbox.json"),
  })
  .safeParse(process.env);

if (!env.success) {
  const issue = env.error.issues[0];
  console.error(`stripe-sandbox: invalid ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
if (env.data.NODE_ENV === "production") {
  console.error(
    "stripe-sandbox: refusing to start with NODE_ENV=production (it is a dev and test stand-in for Stripe).",
  );
  process.exit(1);
}

try {
  const sandbox = await startSandbox({
    port: env.data.SANDBOX_PORT,
    appUrl: env.data.APP_URL,
    webhookSecret: env.data.STRIPE_WEBHOOK_SECRET,
    stateFile: env.data.SANDBOX_STATE_FILE,
  });
  const { APP_URL, SANDBOX_STATE_FILE } = env.data;
  console.log(
    `stripe-sandbox: listening on ${sandbox.url} (Stripe API ${API_VERSION}); ` +
      `webhooks to ${APP_URL}/api/webhooks/stripe; state in ${SANDBOX_STATE_FILE}`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  const reason = busy
    ? `port ${env.data.SANDBOX_PORT} is in use (another sandbox?); set SANDBOX_PORT`
    : (error as Error).message;
  console.error(`stripe-sandbox: ${reason}`);
  process.exit(1);
}
