import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/db";
import { ensurePersonalTenant } from "@/db/queries/users";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { authorizeCredentials } from "./credentials";
import { clientIp } from "./throttle";

// The lazy form lets the adapter get the async database (PGlite opens asynchronously).
export const { handlers, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(db, credentials, clientIp(request.headers)),
    }),
  ];
  // OAuth buttons exist only when their keys are configured.
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) providers.push(GitHub);
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google);

  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    } as never),
    // Credentials sign-in requires JWT sessions.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    secret: e.AUTH_SECRET,
    trustHost: true,
    pages: { signIn: "/login", error: "/login" },
    logger: {
      // A wrong password is an expected outcome, not a server error: keep it out of the error log.
      error(error) {
        if (error.name === "CredentialsSignin" || error.name === "ThrottledSignin") return;
        console.error(JSON.stringify({ level: "error", msg: "auth error", name: error.name, error: error.message }));
      },
    },
    providers,
    // Requests read the session with lib/auth/session-token.ts, which takes `uid` from the token as these
    // callbacks do: a rule added here must be added there too.
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
    events: {
      // OAuth users are created by the adapter; give them their personal tenant too.
      async createUser({ user }) {
        if (user.id) await ensurePersonalTenant(db, { userId: user.id, name: user.name ?? user.email ?? "Me" });
      },
    },
  } satisfies NextAuthConfig;
});

export function oauthProviders(): Array<{ id: "github" | "google"; name: string }> {
  const e = env();
  const list: Array<{ id: "github" | "google"; name: string }> = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}
