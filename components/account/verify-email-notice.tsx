import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * "Verify your email": shown while the address is unconfirmed (the free trial needs a confirmed one), with a button
 * that sends the link again. `status` is the outcome of the last resend (?verification=...).
 */
export function VerifyEmailNotice({
  email,
  from,
  status,
  action,
  className,
}: {
  email: string;
  from: string;
  status?: string;
  action: (formData: FormData) => Promise<void>;
  className?: string;
}) {
  return (
    <Alert
      variant="warning"
      title="Verify your email"
      className={className}
      action={
        <form action={action}>
          <input type="hidden" name="from" value={from} />
          <Button type="submit" size="sm" variant="secondary">
            Send the link again
          </Button>
        </form>
      }
    >
      <p>
        We sent a confirmation link to <strong>{email}</strong>. Open it to confirm your address: the free trial starts
        only for a confirmed email.
      </p>
      {status === "sent" ? (
        <p className="mt-1 font-medium">A new link is on its way. The earlier one no longer works.</p>
      ) : null}
      {status === "throttled" ? (
        <p className="mt-1 font-medium">You asked for several links already. Try again in an hour.</p>
      ) : null}
    </Alert>
  );
}
