import { describe, expect, it } from "vitest";
import { computeRedline } from "./compute-redline";
import type { RedlineSection, SectionDiff } from "./types";

const sec = (key: string, number: string | null, title: string, body = ""): RedlineSection => ({ key, number, title, body });
const summary = (sections: SectionDiff[]): string[] =>
  sections.map((s) => `${s.key}:${s.status}${s.moved ? ":moved" : ""}`);

const BASE = [
  sec("a", "1", "Zutrittskontrolle", "Das Gelände ist umzäunt.\n\n- Kameras\n- Pförtner"),
  sec("b", "2", "Zugangskontrolle", "Passwörter haben mindestens 12 Zeichen."),
  sec("c", "3", "Verschlüsselung", "TLS 1.2 oder höher."),
  sec("d", "4", "Protokollierung", "Zugriffe werden protokolliert."),
];

describe("computeRedline: sections", () => {
  it("reports identical documents as all unchanged with zero counts and only equal tokens", () => {
    const r = computeRedline(BASE, BASE.map((s) => ({ ...s })));
    expect(summary(r.sections)).toEqual(["a:unchanged", "b:unchanged", "c:unchanged", "d:unchanged"]);
    expect(r.counts).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, unchanged: 4, insertedWords: 0, deletedWords: 0 });
    const ops = r.sections.flatMap((s) => [...s.title, ...s.blocks.flatMap((b) => b.tokens)].map((t) => t.op));
    expect(new Set(ops)).toEqual(new Set(["equal"]));
    // Unchanged sections still carry their blocks for expanding in the UI.
    expect(r.sections[0]!.blocks).toEqual([
      { type: "paragraph", ordered: false, status: "equal", tokens: [{ op: "equal", text: "Das Gelände ist umzäunt." }] },
      { type: "item", ordered: false, status: "equal", tokens: [{ op: "equal", text: "Kameras" }] },
      { type: "item", ordered: false, status: "equal", tokens: [{ op: "equal", text: "Pförtner" }] },
    ]);
  });

  it("places added sections in to-order and removed ones right after their from-predecessor", () => {
    const to = [BASE[0]!, BASE[2]!, sec("x", "3", "Neu", "Ganz neuer Abschnitt."), BASE[3]!];
    const r = computeRedline(BASE, to);
    expect(summary(r.sections)).toEqual(["a:unchanged", "b:removed", "c:unchanged", "x:added", "d:unchanged"]);
    const removed = r.sections[1]!;
    expect(removed.from).toEqual({ number: "2", title: "Zugangskontrolle", position: 1 });
    expect(removed.to).toBeNull();
    expect(removed.title).toEqual([{ op: "delete", text: "Zugangskontrolle" }]);
    expect(removed.blocks).toEqual([
      { type: "paragraph", ordered: false, status: "deleted", tokens: [{ op: "delete", text: "Passwörter haben mindestens 12 Zeichen." }] },
    ]);
    const added = r.sections[3]!;
    expect(added.from).toBeNull();
    expect(added.to).toEqual({ number: "3", title: "Neu", position: 2 });
    expect(added.blocks[0]?.status).toBe("inserted");
    expect(r.counts).toMatchObject({ added: 1, removed: 1, changed: 0, moved: 0, unchanged: 3, insertedWords: 4, deletedWords: 6 });
  });

  it("puts sections removed from the start first and keeps chains of removed sections in from-order", () => {
    const r = computeRedline(BASE, [BASE[2]!]);
    expect(summary(r.sections)).toEqual(["a:removed", "b:removed", "c:unchanged", "d:removed"]);
    expect(r.sections.map((s) => s.from?.position)).toEqual([0, 1, 2, 3]);
    expect(computeRedline([], BASE).counts.added).toBe(4);
    expect(computeRedline([], []).sections).toEqual([]);
  });

  it("flags only the section whose relative order changed as moved", () => {
    const [a, b, c, d] = BASE as [RedlineSection, RedlineSection, RedlineSection, RedlineSection];
    const r = computeRedline(BASE, [a, d, b, c]);
    expect(summary(r.sections)).toEqual(["a:unchanged", "d:unchanged:moved", "b:unchanged", "c:unchanged"]);
    expect(r.counts.moved).toBe(1);
    expect(r.sections[1]!.from?.position).toBe(3);
    expect(r.sections[1]!.to?.position).toBe(1);
    // Moving to the front and to the end, combined with an edit.
    const edited = { ...a, body: a.body.replace("umzäunt", "eingezäunt") };
    const r2 = computeRedline(BASE, [d, b, c, edited]);
    expect(summary(r2.sections)).toEqual(["d:unchanged:moved", "b:unchanged", "c:unchanged", "a:changed:moved"]);
  });

  it("treats a renumber caused by an insertion as neither moved nor changed but keeps both numbers", () => {
    const to = [BASE[0]!, sec("x", "2", "Neu"), ...BASE.slice(1).map((s, i) => ({ ...s, number: String(i + 3) }))];
    const r = computeRedline(BASE, to);
    expect(summary(r.sections)).toEqual(["a:unchanged", "x:added", "b:unchanged", "c:unchanged", "d:unchanged"]);
    expect(r.sections[2]!.from).toEqual({ number: "2", title: "Zugangskontrolle", position: 1 });
    expect(r.sections[2]!.to).toEqual({ number: "3", title: "Zugangskontrolle", position: 2 });
    expect(r.counts).toMatchObject({ moved: 0, changed: 0, unchanged: 4, added: 1, insertedWords: 1 });
  });

  it("diffs a changed title word by word", () => {
    const r = computeRedline([sec("k", "1", "Technische Maßnahmen")], [sec("k", "1", "Technische und organisatorische Maßnahmen")]);
    expect(r.sections[0]!.status).toBe("changed");
    expect(r.sections[0]!.title).toEqual([
      { op: "equal", text: "Technische " },
      { op: "insert", text: "und organisatorische " },
      { op: "equal", text: "Maßnahmen" },
    ]);
    expect(r.counts).toMatchObject({ changed: 1, insertedWords: 2, deletedWords: 0 });
  });

  it("swaps added/removed and inserted/deleted words when the direction is reversed", () => {
    const to = [sec("x", "0", "Vorwort", "Hallo Welt."), BASE[0]!, { ...BASE[1]!, body: "Passwörter haben mindestens 16 Zeichen." }, BASE[3]!];
    const forward = computeRedline(BASE, to).counts;
    const backward = computeRedline(to, BASE).counts;
    expect(forward).toMatchObject({ added: 1, removed: 1, changed: 1, insertedWords: 4, deletedWords: 6 });
    expect(backward).toEqual({ ...forward, added: forward.removed, removed: forward.added, insertedWords: forward.deletedWords, deletedWords: forward.insertedWords });
  });

  it("rejects duplicate keys", () => {
    expect(() => computeRedline([BASE[0]!, BASE[0]!], [])).toThrow(/duplicate section key "a" in from/);
  });
});

describe("computeRedline: bodies", () => {
  const one = (oldBody: string, newBody: string): SectionDiff =>
    computeRedline([sec("k", "1", "T", oldBody)], [sec("k", "1", "T", newBody)]).sections[0]!;

  it("shows a word-level change inside a sentence with exact tokens", () => {
    const s = one("Backups werden täglich erstellt und 30 Tage aufbewahrt.", "Backups werden stündlich erstellt und 90 Tage aufbewahrt.");
    expect(s.status).toBe("changed");
    expect(s.blocks).toEqual([
      {
        type: "paragraph",
        ordered: false,
        status: "changed",
        tokens: [
          { op: "equal", text: "Backups werden " },
          { op: "delete", text: "täglich" },
          { op: "insert", text: "stündlich" },
          { op: "equal", text: " erstellt und " },
          { op: "delete", text: "30" },
          { op: "insert", text: "90" },
          { op: "equal", text: " Tage aufbewahrt." },
        ],
      },
    ]);
  });

  it("handles empty bodies", () => {
    expect(one("", "")).toMatchObject({ status: "unchanged", blocks: [] });
    expect(one("", "Jetzt mit Text.").blocks).toEqual([
      { type: "paragraph", ordered: false, status: "inserted", tokens: [{ op: "insert", text: "Jetzt mit Text." }] },
    ]);
    expect(one("Text weg.", "  \n").blocks).toEqual([
      { type: "paragraph", ordered: false, status: "deleted", tokens: [{ op: "delete", text: "Text weg." }] },
    ]);
  });

  it("treats a whitespace-only re-wrap as unchanged", () => {
    expect(one("Eins zwei\ndrei.\n", "Eins zwei drei.").status).toBe("unchanged");
  });

  const list = "Vorgaben:\n\n- Firewall aktiv\n- Virenschutz aktuell\n- Updates monatlich";

  it("shows an added bullet as an inserted item", () => {
    const s = one(list, list.replace("- Virenschutz aktuell\n", "- Virenschutz aktuell\n- Festplatten verschlüsselt\n"));
    expect(s.blocks.map((b) => b.status)).toEqual(["equal", "equal", "equal", "inserted", "equal"]);
    expect(s.blocks[3]).toEqual({ type: "item", ordered: false, status: "inserted", tokens: [{ op: "insert", text: "Festplatten verschlüsselt" }] });
  });

  it("shows a removed bullet as a deleted item", () => {
    const s = one(list, list.replace("- Firewall aktiv\n", ""));
    expect(s.blocks.map((b) => `${b.status}:${b.tokens.map((t) => t.text).join("")}`)).toEqual([
      "equal:Vorgaben:",
      "deleted:Firewall aktiv",
      "equal:Virenschutz aktuell",
      "equal:Updates monatlich",
    ]);
  });

  it("pairs an edited bullet into a changed item with a word diff", () => {
    const s = one(list, list.replace("Updates monatlich", "Updates wöchentlich"));
    expect(s.blocks[3]).toEqual({
      type: "item",
      ordered: false,
      status: "changed",
      tokens: [
        { op: "equal", text: "Updates " },
        { op: "delete", text: "monatlich" },
        { op: "insert", text: "wöchentlich" },
      ],
    });
  });

  it("does not pair dissimilar blocks (below Dice 0.4) or blocks of a different kind", () => {
    const s = one("- Firewall aktiv", "- Schulungen finden jährlich statt");
    expect(s.blocks.map((b) => b.status)).toEqual(["deleted", "inserted"]);
    const kind = one("- Firewall aktiv", "1. Firewall aktiv");
    expect(kind.blocks.map((b) => `${b.status}:${b.ordered}`)).toEqual(["deleted:false", "inserted:true"]);
  });

  it("pairs the most similar blocks first instead of the first acceptable one", () => {
    const s = one(
      "- Jede Mitarbeiterin kontrolliert, dass sämtliche Zugriffe protokolliert werden.\n- Jede Mitarbeiterin stellt sicher, dass alle Daten protokolliert werden.",
      "- Jede Mitarbeiterin stellt sicher, dass alle Daten sicher protokolliert werden.",
    );
    expect(s.blocks.map((b) => b.status)).toEqual(["deleted", "changed"]);
    expect(s.blocks[1]!.tokens).toEqual([
      { op: "equal", text: "Jede Mitarbeiterin stellt sicher, dass alle Daten " },
      { op: "insert", text: "sicher " },
      { op: "equal", text: "protokolliert werden." },
    ]);
  });

  it("pairs in order and keeps surrounding unpaired blocks in place", () => {
    const s = one(
      "Alter Absatz ganz anders.\n\n- Zugang nur mit Karte",
      "Neuer Einleitungstext hier.\n\n- Zugang nur mit Karte und PIN\n- Besucher werden begleitet",
    );
    expect(s.blocks.map((b) => `${b.type}:${b.status}`)).toEqual([
      "paragraph:deleted",
      "paragraph:inserted",
      "item:changed",
      "item:inserted",
    ]);
    expect(s.blocks[2]!.tokens).toEqual([
      { op: "equal", text: "Zugang nur mit Karte" },
      { op: "insert", text: " und PIN" },
    ]);
  });
});
