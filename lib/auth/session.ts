import "server-only";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db";
import { getUserById } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { sessionUserIdFrom } from "./session-token";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
};

/**
 * The signed-in user for the current request, or null.
 * The session cookie is decoded in this process (session-token.ts: what Auth.js's auth() decides, without its
 * per-request cost). Re-reads the user row, so a deleted user or a revoked admin flag takes effect at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const userId = await getSessionUserId();
  if (!userId) return null;
  const user = await getUserById(await getDb(), { userId });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/**
 * The user id in the request's session cookie, or null, WITHOUT reading the user row: the caller must refuse a user
 * that no longer exists in its own query (the copy engine does, in the statement that reads its context), so a
 * deleted user is refused at once, as getSessionUser would refuse it.
 */
export async function getSessionUserId(): Promise<string | null> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return sessionUserIdFrom(cookieStore.getAll(), headerList.get("x-forwarded-proto"));
}

export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}
