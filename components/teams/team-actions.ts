import type { FormAction } from "@/lib/auth/action-state";

/** The server actions the team page hands to its components (defined in app/account/team/actions.ts). */
export type TeamActions = {
  invite: FormAction;
  resendInvitation: FormAction;
  revokeInvitation: FormAction;
  removeMember: FormAction;
  changeRole: FormAction;
  leave: FormAction;
  portal: FormAction;
  buySeats: FormAction;
};
