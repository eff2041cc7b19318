/** What a form built on the server-action builder (lib/auth/action.ts) shows after a submit. */
export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** A machine-readable reason the form can act on (e.g. "no_free_seat": offer the billing portal). */
  reason?: string;
  /** What was typed, so a refused form keeps it. */
  values?: Record<string, string>;
};

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export const IDLE: ActionState = { status: "idle" };
