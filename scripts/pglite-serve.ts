// Serves an embedded PGlite folder on a random loopback port so that the Prisma CLI (which speaks
// the PostgreSQL wire protocol) can migrate it. Only while the app is stopped: one process per folder.
import { mkdirSync } from "node:fs";
import { lockPgliteDir } from "../server/db/pglite-lock";

export async function servePglite(dir: string) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (!dir.includes("://")) mkdirSync(dir, { recursive: true });
  const unlock = lockPgliteDir(dir, "prisma CLI");
  const db = new PGlite(dir);
  await db.waitReady;
  // The CLI opens a few connections one after another (main pool plus bookkeeping).
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  const port = server.getServerConn().split(":").pop();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
