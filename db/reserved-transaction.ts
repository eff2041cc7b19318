import postgres from "postgres";

type Body<T> = (tx: postgres.Sql) => T | Promise<T>;

/**
 * `sql.begin` on a connection reserved for the transaction.
 *
 * postgres.js 3.4.9 (and 3.4.10) can write a transaction's BEGIN onto a pooled connection that is already busy with
 * other queries without marking that connection as the transaction's (porsager/postgres#1189, #823): it happens when
 * the BEGIN is the query that fills the connection's pipeline, or when the socket pushes back. The BEGIN then fails
 * with UNSAFE_TRANSACTION, and the server session stays in the open transaction while the connection serves the pool,
 * so unrelated statements run inside it. Under load (hundreds of concurrent copies) it happened in our tests.
 * `sql.reserve()` hands out only an idle connection and keeps it out of the pool until it is released, so the
 * transaction below cannot share its connection. The connection goes back to the pool only once the server is known
 * to have ended the transaction (committed or rolled back); a connection lost on the way stays with the pool's
 * closed connections, which reconnect.
 */
export async function beginOnReservedConnection<T>(pool: postgres.Sql, options: string, body: Body<T>): Promise<T> {
  const connection = await pool.reserve();
  let idle = true;
  try {
    await connection.unsafe(`begin ${options.replace(/[^a-z ]/gi, "")}`);
    idle = false;
    let result: T;
    try {
      result = await body(withSavepoints(connection));
    } catch (error) {
      await connection.unsafe("rollback");
      idle = true;
      throw error;
    }
    const commit = await ended(connection.unsafe("commit"), () => (idle = true));
    // COMMIT of a transaction in which a statement failed (one the body did not wait for) answers ROLLBACK.
    if (commit.command !== "COMMIT") {
      throw new Error(
        `The transaction was rolled back (a statement in it failed); the server answered ${commit.command}.`,
      );
    }
    return result;
  } finally {
    if (idle) connection.release();
  }
}

/** Awaits a COMMIT; the transaction is over whether it commits or the server refuses it (a deferred constraint). */
async function ended<R>(commit: Promise<R>, onEnded: () => void): Promise<R> {
  try {
    const result = await commit;
    onEnded();
    return result;
  } catch (error) {
    if (error instanceof postgres.PostgresError) onEnded();
    throw error;
  }
}

/** The reserved connection as a transaction: `savepoint(body)` runs `body` in a savepoint, rolled back on error. */
function withSavepoints(connection: postgres.ReservedSql): postgres.Sql {
  let next = 0;
  const savepoint = async <T>(...args: unknown[]): Promise<T> => {
    const body = args.at(-1) as Body<T>;
    const name = `s${next++}`;
    await connection.unsafe(`savepoint ${name}`);
    try {
      return await body(tx);
    } catch (error) {
      await connection.unsafe(`rollback to savepoint ${name}`);
      throw error;
    }
  };
  const tx = Object.assign(connection, { savepoint }) as unknown as postgres.Sql;
  return tx;
}
