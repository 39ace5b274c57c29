// Counts SQL statements reaching the driver: the benchmark uses it to prove that cached public
// pages are not rendered from the database per request.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
type Queryable = { queryRaw(q: unknown): Promise<unknown>; executeRaw(q: unknown): Promise<number> };

const holder = globalThis as unknown as { __vouchsafeStatements?: { statements: number } };
export const statementStats = () => (holder.__vouchsafeStatements ??= { statements: 0 });

function counting<T extends Queryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = (q) => (statementStats().statements++, queryRaw(q));
  target.executeRaw = (q) => (statementStats().statements++, executeRaw(q));
  return target;
}

export function countStatements(factory: AdapterFactory): AdapterFactory {
  const f = factory as unknown as { connect(): Promise<Queryable & { startTransaction(i?: unknown): Promise<Queryable> }> };
  const connect = f.connect.bind(f);
  f.connect = async () => {
    const connection = counting(await connect());
    const startTransaction = connection.startTransaction.bind(connection);
    connection.startTransaction = async (i) => counting(await startTransaction(i));
    return connection;
  };
  return factory;
}
