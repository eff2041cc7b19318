import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

/**
 * Every /admin page and admin action starts here. Middleware only asks for a sign-in; the admin flag is read from
 * the database on each request (getSessionUser re-reads the user), and anyone else gets a plain 404 so the
 * console's existence is not advertised.
 */
export async function requireAdminPage(from: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(from)}`);
  if (!user.isAdmin) notFound();
  return user;
}

/** For server actions: the same check, with no redirect (an action is never the first request of a visit). */
export async function requireAdminAction(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  return user;
}
