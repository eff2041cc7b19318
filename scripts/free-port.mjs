// Free TCP ports for the servers the tests start, so a test run never collides with `npm run dev` or another run.
// The kernel picks the port (bind to 0); the caller starts its server on it a moment later.
import { createServer } from "node:net";

/** A port nothing listens on right now (on every interface, IPv4 and IPv6). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound right now; false when another process listens on it. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
