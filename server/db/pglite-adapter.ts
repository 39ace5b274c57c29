// In-process PGlite driver adapter for Prisma 6.19. pglite-prisma-adapter 0.6.1 passes query
// arguments through untouched, but Prisma 6.19's query compiler sends Bytes as base64 strings
// and DateTime as ISO strings with type metadata; we convert them as @prisma/adapter-pg does.
// It also reports every database error as a generic "postgres" error, so a unique violation would
// not become Prisma's P2002 (and callers that answer "taken" would answer 500): we map the codes
// @prisma/adapter-pg maps.
import { PrismaPGlite } from "pglite-prisma-adapter";

type ArgType = { scalarType?: string; dbType?: string; arity?: string };
type Query = { sql: string; args: unknown[]; argTypes: ArgType[] };
type Queryable = { queryRaw(q: Query): Promise<unknown>; executeRaw(q: Query): Promise<number> };
type Connection = Queryable & { startTransaction(isolation?: unknown): Promise<Queryable> };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function convertArg(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined || !type) return arg;
  if (Array.isArray(arg) && type.arity === "list") return arg.map((item) => convertArg(item, type));
  if (typeof arg === "string" && type.scalarType === "datetime") arg = new Date(arg);
  if (arg instanceof Date) {
    if (type.dbType === "DATE") return `${pad(arg.getUTCFullYear(), 4)}-${pad(arg.getUTCMonth() + 1)}-${pad(arg.getUTCDate())}`;
    if (type.dbType === "TIME" || type.dbType === "TIMETZ") return arg.toISOString().slice(11, 23);
    return arg.toISOString();
  }
  if (typeof arg === "string" && type.scalarType === "bytes") return new Uint8Array(Buffer.from(arg, "base64"));
  if (Array.isArray(arg) && type.scalarType === "bytes") return Uint8Array.from(arg as number[]);
  if (ArrayBuffer.isView(arg)) return new Uint8Array(arg.buffer, arg.byteOffset, arg.byteLength);
  return arg;
}

type PostgresCause = { kind: string; code?: string; detail?: string; column?: string };

/** The driver error as @prisma/adapter-pg would have described it (Prisma reads `cause`). */
export function mapPostgresCause(cause: PostgresCause): PostgresCause | Record<string, unknown> {
  if (cause.kind !== "postgres") return cause;
  const fields = cause.detail?.match(/Key \(([^)]+)\)/)?.at(1)?.split(", ");
  const constraint = fields !== undefined ? { fields } : undefined;
  switch (cause.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint, originalCode: cause.code };
    case "23502":
      return { kind: "NullConstraintViolation", constraint, originalCode: cause.code };
    case "23503":
      return { kind: "ForeignKeyConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : undefined, originalCode: cause.code };
    default:
      return cause;
  }
}

function mappingErrors<R>(run: () => Promise<R>): Promise<R> {
  return run().catch((error: unknown) => {
    const candidate = error as { name?: string; cause?: PostgresCause };
    if (candidate?.name === "DriverAdapterError" && candidate.cause && typeof candidate.cause === "object") candidate.cause = mapPostgresCause(candidate.cause) as PostgresCause;
    throw error;
  });
}

function convertingArgs<T extends Queryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  const convert = (q: Query): Query => ({ ...q, args: q.args.map((a, i) => convertArg(a, q.argTypes?.[i])) });
  target.queryRaw = (q) => mappingErrors(() => queryRaw(convert(q)));
  target.executeRaw = (q) => mappingErrors(() => executeRaw(convert(q)));
  return target;
}

export class PGliteAdapter extends PrismaPGlite {
  override async connect() {
    const connection = convertingArgs((await super.connect()) as unknown as Connection);
    const startTransaction = connection.startTransaction.bind(connection);
    connection.startTransaction = async (isolation) => convertingArgs(await startTransaction(isolation));
    return connection as unknown as Awaited<ReturnType<PrismaPGlite["connect"]>>;
  }
}
