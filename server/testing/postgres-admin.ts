// Creates and drops whole databases on a PostgreSQL server (tests, benchmarks).
import pg from "pg";

function adminUrl(url: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `name` on the server of `serverUrl`; returns the URL of the new database.
 * `throwaway`: a test database, whose commits need not wait for the disk (synchronous_commit off:
 * a crash could lose the last commits, which a test run never needs). Benchmarks leave it on.
 */
export async function createDatabase(serverUrl: string, name: string, { throwaway = false }: { throwaway?: boolean } = {}): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withAdmin(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
    if (throwaway) await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withAdmin(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
