import { render } from "./templates";

const dayOf = (date: Date) => date.toUTCString().slice(0, 16);

export function teamInvitationEmail(p: {
  teamName: string;
  inviterName: string | null;
  role: "admin" | "member";
  token: string;
  expiresAt: Date;
}) {
  const who = p.inviterName ?? "A teammate";
  return render(
    `${who} invited you to ${p.teamName} on Flowtab`,
    [
      `${who} invited you to join the team “${p.teamName}” on Flowtab as ${p.role === "admin" ? "an admin" : "a member"}.`,
      "A seat on the team gives you every premium flow, paid for by the team. Accept with this address; if you have no Flowtab account yet, you can create one on the way.",
      `The link works once and expires on ${dayOf(p.expiresAt)}. If you did not expect this, ignore it or decline.`,
    ],
    { label: "Open the invitation", path: `/invite/${p.token}` },
  );
}

export function teamSeatsShortEmail(p: {
  name: string | null;
  teamName: string;
  seats: number;
  members: number;
  withoutSeat: string[];
}) {
  return render(
    `${p.teamName} has ${p.seats} seats for ${p.members} members`,
    [
      `Hi ${p.name ?? "there"},`,
      `Your Flowtab team “${p.teamName}” now has ${p.seats} ${p.seats === 1 ? "seat" : "seats"} and ${p.members} members. Seats go to the members who joined first, so these ${p.withoutSeat.length === 1 ? "member has" : "members have"} no premium access until you add seats or remove someone: ${p.withoutSeat.join(", ")}.`,
    ],
    { label: "Manage your team", path: "/account/team" },
  );
}

export function teamRemovedEmail(p: { name: string | null; teamName: string }) {
  return render(
    `You were removed from ${p.teamName} on Flowtab`,
    [
      `Hi ${p.name ?? "there"},`,
      `An owner or admin of “${p.teamName}” removed you from the team, so its seat no longer gives you premium flows. Your own account, flows and earnings are unchanged, and any API tokens you made in the team were revoked.`,
    ],
    { label: "See plans", path: "/pricing" },
  );
}
