// @ts-check
// The production server (`npm start`, after scripts/prestart.ts): Next's request handler behind the
// front cache (front-cache.mjs). Otherwise what `next start` does: the build in NEXT_DIST_DIR,
// PORT (3000), all interfaces unless LISTEN_ADDRESS names one (not HOSTNAME: containers set that
// to their own name), and on SIGINT/SIGTERM it stops taking requests, finishes the running ones
// and exits.
import http from "node:http";
import next from "next";
import { createFrontCache, frontCachedListener, registerFrontCache } from "./front-cache.mjs";

// PORT, LISTEN_ADDRESS, FRONT_CACHE and FRONT_CACHE_MAX_MB are validated with the rest of the
// environment by scripts/prestart.ts (server/env.ts), which `npm start` runs first.
const port = Number(process.env.PORT || 3000);
const hostname = process.env.LISTEN_ADDRESS || undefined;
const frontCacheMb = Number(process.env.FRONT_CACHE_MAX_MB || 32);
if (!Number.isInteger(port) || !(frontCacheMb >= 1)) throw new Error("invalid PORT or FRONT_CACHE_MAX_MB: start the server with `npm start`, which checks the environment");
const started = Date.now();

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const cache = createFrontCache({ maxBytes: frontCacheMb * 1024 * 1024 });
registerFrontCache(cache);
const listener = process.env.FRONT_CACHE === "off" ? (/** @type {any} */ request, /** @type {any} */ response) => void handle(request, response) : frontCachedListener({ handle, cache });
const server = http.createServer(listener);
server.listen(port, hostname, () => {
  console.log(`▲ Vouchsafe on http://${hostname ?? "localhost"}:${port}, ready in ${Date.now() - started} ms`);
});

let closing = false;
/** @param {NodeJS.Signals} signal */
const shutdown = (signal) => {
  if (closing) return;
  closing = true;
  server.close(() => {
    void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
  server.closeIdleConnections();
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
