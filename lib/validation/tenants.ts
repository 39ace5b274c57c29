import { z } from "zod";
import { slugProblem } from "@/lib/tenants/slug";
import { textField } from "./fields";

// Creating a trust center (/new and `npm run tenant:create`). The slug becomes the public address
// (/{slug}), so it is checked against the same rules as the router's (lib/tenants/slug.ts).
export const slugField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(40, "tooLong:40")
  .transform((value) => value.toLowerCase())
  .superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem === "reserved" ? "slugReserved" : "slugFormat" });
  });

export const createTenantSchema = z.object({ name: textField(120), slug: slugField });

export type CreateTenantInput = z.infer<typeof createTenantSchema>;
