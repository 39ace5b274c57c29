import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/forms";
import { addSectionSchema, changeSummarySchema, importTextSchema, removeSectionSchema, requireAllLocalesSchema, saveSectionSchema } from "./measures-editor";

const ID = "7a1f1f7e-1d2c-4c55-9a0e-3f4b5c6d7e8f";
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("saveSectionSchema", () => {
  const valid = { versionId: ID, key: "verschluesselung", locale: "de", revision: "3", title: "  Verschlüsselung ", body: "Zeile 1\r\nZeile 2\r\n\r\n", changeKind: "MATERIAL" };

  it("normalizes the text as it is stored: trimmed title, LF line endings, no trailing blank lines", () => {
    expect(parseForm(saveSectionSchema, form(valid))).toEqual({
      ok: true,
      data: { versionId: ID, key: "verschluesselung", locale: "de", revision: 3, title: "Verschlüsselung", body: "Zeile 1\nZeile 2", changeKind: "MATERIAL" },
    });
  });

  it("reads an empty change kind as none, and an empty title (preamble, closing) as empty", () => {
    const result = parseForm(saveSectionSchema, form({ ...valid, title: "", changeKind: "" }));
    expect(result.ok && [result.data.title, result.data.changeKind]).toEqual(["", null]);
  });

  it("answers each bad field with its message key", () => {
    expect(parseForm(saveSectionSchema, form({ ...valid, body: " \n ", title: "a\u0007b", changeKind: "MAJOR" }))).toEqual({
      ok: false,
      fieldErrors: { body: ["required"], title: ["invalidCharacters"], changeKind: ["changeKind"] },
    });
    expect(parseForm(saveSectionSchema, form({ ...valid, title: "x".repeat(201), body: "y".repeat(20_001) }))).toEqual({ ok: false, fieldErrors: { title: ["tooLong:200"], body: ["tooLong:20000"] } });
    expect(parseForm(saveSectionSchema, form({ ...valid, title: "Zwei\nZeilen" }))).toEqual({ ok: false, fieldErrors: { title: ["invalidCharacters"] } });
  });

  it("treats a tampered form (id, key, locale, revision) as out of date, not as a field the user can fix", () => {
    expect(parseForm(saveSectionSchema, form({ ...valid, versionId: "1", key: "../x", locale: "fr", revision: "-2" }))).toEqual({
      ok: false,
      fieldErrors: { versionId: ["notFound"], key: ["notFound"], locale: ["notFound"], revision: ["notFound"] },
    });
  });
});

describe("the other editor forms", () => {
  it("a new section needs a title and a kind of change", () => {
    expect(parseForm(addSectionSchema, form({ versionId: ID, title: " ", body: "Text" }))).toEqual({ ok: false, fieldErrors: { title: ["required"], changeKind: ["changeKindRequired"] } });
  });

  it("removing names the revision the editor saw", () => {
    expect(parseForm(removeSectionSchema, form({ versionId: ID, key: "closing", revision: "0" }))).toEqual({ ok: true, data: { versionId: ID, key: "closing", revision: 0 } });
  });

  it("summaries are optional per locale and limited", () => {
    expect(parseForm(changeSummarySchema, form({ versionId: ID, revision: "1", summary_de: " Neu " }))).toEqual({ ok: true, data: { versionId: ID, revision: 1, summary_de: "Neu", summary_en: "" } });
    expect(parseForm(changeSummarySchema, form({ versionId: ID, revision: "1", summary_en: "x".repeat(2001) }))).toEqual({ ok: false, fieldErrors: { summary_en: ["tooLong:2000"] } });
  });

  it("an import needs text; the setting is an explicit on or off", () => {
    expect(importTextSchema.safeParse({ text: "  \n" }).error?.issues[0]?.message).toBe("importEmpty");
    expect(parseForm(requireAllLocalesSchema, form({ requireAllLocales: "off" }))).toEqual({ ok: true, data: { requireAllLocales: false } });
    expect(parseForm(requireAllLocalesSchema, form({}))).toEqual({ ok: false, fieldErrors: { requireAllLocales: ["notFound"] } });
  });
});
