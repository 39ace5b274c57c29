// Environment, parsed once. Defaults make a newcomer's first run work with no env file at all:
// no DATABASE_URL -> embedded PGlite in ./.data/pglite.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** Folder (or memory://) of the embedded database; wins over DATABASE_URL when set. */
  PGLITE_DIR: z.string().min(1).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Public origin used in absolute links (feeds, emails). */
  APP_ORIGIN: z.url().default("http://localhost:3000"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;
export function env(): Env {
  if (!parsed) {
    const result = schema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
    }
    parsed = result.data;
  }
  return parsed;
}
