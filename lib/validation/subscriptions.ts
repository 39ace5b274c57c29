import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { emailField } from "./fields";

// The subscribe form (trust center), the confirmation and unsubscribe buttons, and the account
// page's forms. Topics arrive as a checkbox group: nothing, one string or several strings.
export const SUBSCRIPTION_TOPICS = ["measures", "certifications", "incidents"] as const;
export type Topic = (typeof SUBSCRIPTION_TOPICS)[number];

/** Subscription tokens (confirmation, one-click unsubscribe): 32 bytes, base64url. */
export const SUBSCRIPTION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const topicsField = z.preprocess(
  (value) => (value === undefined ? [] : [value].flat()),
  z
    .array(z.enum(SUBSCRIPTION_TOPICS, { error: "topics" }))
    .min(1, "topics")
    .transform((topics) => SUBSCRIPTION_TOPICS.filter((topic) => topics.includes(topic))),
);

export const subscribeSchema = z.object({
  email: emailField,
  locale: z.enum(LOCALES, { error: "required" }),
  topics: topicsField,
});

export const subscriptionTokenSchema = z.object({ token: z.string().regex(SUBSCRIPTION_TOKEN) });

export const accountTopicsSchema = z.object({ subscriptionId: z.uuid({ error: "required" }), topics: topicsField });
export const accountUnsubscribeSchema = z.object({ subscriptionId: z.uuid({ error: "required" }) });

export type SubscribeInput = z.infer<typeof subscribeSchema>;
