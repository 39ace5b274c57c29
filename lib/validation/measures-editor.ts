import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// The measures editor's forms. Messages are keys of editor.json "validation" (":n" carries a limit),
// translated by the action that answers the form. Control characters other than line breaks and
// tabs are refused: they are invisible in the editor and would end up in the published text.

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const SUMMARY_MAX = 2_000;
export const IMPORT_MAX = 500_000;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const LINE_BREAK = /[\r\n]/;

const versionId = z.uuid({ error: "notFound" });
const key = z.string({ error: "notFound" }).regex(/^[a-z0-9-]{1,60}$/, "notFound");
const revision = z.coerce.number({ error: "notFound" }).int("notFound").min(-1, "notFound");

const title = z
  .string()
  .default("")
  .transform((value) => value.trim())
  .pipe(z.string().max(TITLE_MAX, `tooLong:${TITLE_MAX}`).refine((value) => !CONTROL.test(value) && !LINE_BREAK.test(value), "invalidCharacters"));

/** Markdown body: line endings normalized, trailing whitespace of the whole text dropped. */
const body = z
  .string({ error: "required" })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "required").max(BODY_MAX, `tooLong:${BODY_MAX}`).refine((value) => !CONTROL.test(value), "invalidCharacters"));

const changeKind = z
  .union([z.literal(""), z.enum(["EDITORIAL", "MATERIAL"])], { error: "changeKind" })
  .default("")
  .transform((value) => (value === "" ? null : value));

export const saveSectionSchema = z.object({
  versionId,
  key,
  locale: z.enum(LOCALES, { error: "notFound" }),
  revision,
  title,
  body,
  changeKind,
});

export const addSectionSchema = z.object({
  versionId,
  title: title.pipe(z.string().min(1, "required")),
  body,
  changeKind: z.enum(["EDITORIAL", "MATERIAL"], { error: "changeKindRequired" }),
});

export const removeSectionSchema = z.object({ versionId, key, revision });
export const moveSectionSchema = z.object({ versionId, key, direction: z.enum(["up", "down"], { error: "notFound" }) });
export const versionIdSchema = z.object({ versionId });

const summary = z
  .string()
  .default("")
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(SUMMARY_MAX, `tooLong:${SUMMARY_MAX}`).refine((value) => !CONTROL.test(value), "invalidCharacters"));

export const changeSummarySchema = z.object({ versionId, revision, summary_de: summary, summary_en: summary });

/** The text of an imported file (or pasted): the parser reports everything else with line numbers. */
export const importTextSchema = z.object({
  text: z.string({ error: "importEmpty" }).max(IMPORT_MAX, `tooLong:${IMPORT_MAX}`).refine((value) => value.trim() !== "", "importEmpty"),
});

export const requireAllLocalesSchema = z.object({ requireAllLocales: z.enum(["on", "off"], { error: "notFound" }).transform((value) => value === "on") });

export type SaveSectionInput = z.infer<typeof saveSectionSchema>;
