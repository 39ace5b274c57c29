import "server-only";

export { getDb, withTenant, withUser, withWorker, type Db, type Tx } from "./client";
