import { eq } from "drizzle-orm";
import { tenantMembers, tenants, users } from "../schema";
import { oneRow } from "../rows";
import type { Executor } from "../types";

/** The columns safe to show; never the password hash. */
const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  handle: users.handle,
  isAdmin: users.isAdmin,
  emailVerified: users.emailVerified,
  createdAt: users.createdAt,
} as const;

export async function getUserById(db: Executor, params: { userId: string }) {
  const [user] = await db.select(publicUserColumns).from(users).where(eq(users.id, params.userId));
  return user ?? null;
}

/** For sign-in only: includes the password hash. */
export async function getUserCredentialsByEmail(db: Executor, params: { email: string }) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, params.email));
  return user ?? null;
}

/**
 * Creates a user with their personal tenant and owner membership, in one transaction.
 * Returns null when the email is taken (the unique index decides, not a prior read).
 */
export async function createUserWithPersonalTenant(
  db: Executor,
  params: { email: string; name: string; passwordHash: string | null },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: params.email, name: params.name, passwordHash: params.passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning(publicUserColumns);
    if (!user) return null;
    const tenant = await insertPersonalTenant(tx, { userId: user.id, name: params.name });
    return { user, tenant };
  });
}

/** Gives an existing user (e.g. one created by an OAuth sign-in) a personal tenant if they lack one. */
export async function ensurePersonalTenant(db: Executor, params: { userId: string; name: string }) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tenants).where(eq(tenants.personalOwnerId, params.userId));
    return existing ?? insertPersonalTenant(tx, params);
  });
}

async function insertPersonalTenant(tx: Executor, params: { userId: string; name: string }) {
  const inserted = await tx
    .insert(tenants)
    .values({ name: params.name, kind: "personal", personalOwnerId: params.userId })
    .returning();
  const tenant = oneRow(inserted, "tenant");
  await tx.insert(tenantMembers).values({ tenantId: tenant.id, userId: params.userId, role: "owner" });
  return tenant;
}

export async function getPersonalTenant(db: Executor, params: { userId: string }) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.personalOwnerId, params.userId));
  return tenant ?? null;
}
