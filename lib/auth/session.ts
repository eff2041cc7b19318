import "server-only";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
};

/** The signed-in user for the current request, or null. (Filled in by the auth work.) */
export async function getSessionUser(): Promise<SessionUser | null> {
  return null;
}
