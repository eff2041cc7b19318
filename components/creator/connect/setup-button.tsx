"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

/** The submit button of the "Set up payouts" form: busy while the server creates the Stripe link. */
export function SetupButton({ children, ...props }: Omit<ButtonProps, "type" | "loading">) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" loading={pending} {...props}>
      {pending ? "Opening Stripe…" : children}
    </Button>
  );
}
