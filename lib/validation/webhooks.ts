import { z } from "zod";

// The console's webhook forms. The URL must be a plain http(s) address without credentials; the
// server additionally refuses private and loopback addresses in production (server/webhooks/endpoints.ts).
export const WEBHOOK_EVENT_NAMES = ["measures.published", "measures.took_effect"] as const;

const urlField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(2000, "tooLong:2000")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "url");

const eventsField = z.preprocess(
  (value) => (value === undefined ? [] : [value].flat()),
  z
    .array(z.enum(WEBHOOK_EVENT_NAMES, { error: "events" }))
    .min(1, "events")
    .transform((events) => WEBHOOK_EVENT_NAMES.filter((event) => events.includes(event))),
);

export const createWebhookSchema = z.object({ url: urlField, events: eventsField });
export const deleteWebhookSchema = z.object({ endpointId: z.uuid({ error: "required" }) });

export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
