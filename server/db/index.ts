import "server-only";

export { getDb, withTenant, type Db, type Tx } from "./client";
