/**
 * Deterministic synthetic documents for redline tests and benchmarks:
 * German-ish security-measures sections with paragraphs, bullets and the
 * occasional inline markup. Same (size, seed) → same document, on every
 * machine, so benchmark numbers and property tests are reproducible.
 */
import type { RedlineSection } from "./types";

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const TITLES = [
  "Zutrittskontrolle", "Zugangskontrolle", "Zugriffskontrolle", "Weitergabekontrolle", "Eingabekontrolle",
  "Auftragskontrolle", "Verfügbarkeitskontrolle", "Trennungsgebot", "Verschlüsselung", "Pseudonymisierung",
  "Belastbarkeit der Systeme", "Wiederherstellbarkeit", "Regelmäßige Überprüfung", "Schulung der Beschäftigten",
  "Meldung von Sicherheitsvorfällen", "Löschkonzept", "Protokollierung", "Schwachstellenmanagement",
  "Netzwerksicherheit", "Physische Sicherheit",
] as const;
const SUBJECTS = [
  "Der Auftragsverarbeiter", "Das Rechenzentrum", "Die Geschäftsleitung", "Jede Mitarbeiterin", "Das Sicherheitsteam",
  "Der Dienstleister", "Die Anwendung", "Das Überwachungssystem", "Die Datenschutzbeauftragte", "Der Administrator",
] as const;
const VERBS = ["stellt sicher, dass", "gewährleistet, dass", "prüft regelmäßig, ob", "dokumentiert, wie", "kontrolliert, dass"] as const;
const OBJECTS = [
  "alle personenbezogenen Daten", "sämtliche Zugriffe", "die Sicherungskopien", "verschlüsselte Verbindungen",
  "die Protokolldateien", "Schlüssel und Zertifikate", "die Maßnahmen zur Zugangskontrolle", "Änderungen an Systemen",
  "externe Dienstleister", "mobile Endgeräte",
] as const;
const ENDINGS = [
  "nach dem Stand der Technik geschützt werden.", "mindestens jährlich überprüft werden.",
  "ausschließlich in der EU gespeichert werden.", "gemäß Art. 32 DSGVO behandelt werden.",
  "innerhalb von 24 Stunden gemeldet werden.", "nur für befugte Personen zugänglich sind.",
  "vollständig und manipulationssicher protokolliert werden.", "mit AES-256 verschlüsselt übertragen werden.",
] as const;
const TITLE_SUFFIXES = ["und Nachweise", "im Überblick", "für Unterauftragnehmer", "(ergänzt)"] as const;
const MODIFIERS = ["zusätzlich", "grundsätzlich", "technisch", "organisatorisch", "nachweislich", "unverzüglich", "größtenteils"] as const;

function sentence(rnd: Random): string {
  const object = rnd() < 0.1 ? `**${pick(rnd, OBJECTS)}**` : pick(rnd, OBJECTS);
  const modifier = rnd() < 0.3 ? ` ${pick(rnd, MODIFIERS)}` : "";
  const link = rnd() < 0.05 ? " Details siehe [BSI-Grundschutz](https://www.bsi.bund.de)." : "";
  return `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)}${modifier} ${object} ${pick(rnd, ENDINGS)}${link}`;
}

function body(rnd: Random): string {
  if (rnd() < 0.05) return ""; // empty sections exist in real documents (placeholders)
  const parts: string[] = [];
  const paragraphs = int(rnd, 1, 3);
  for (let p = 0; p < paragraphs; p += 1) {
    parts.push(Array.from({ length: int(rnd, 1, 3) }, () => sentence(rnd)).join(" "));
  }
  if (rnd() < 0.6) {
    const ordered = rnd() < 0.25;
    const items = Array.from({ length: int(rnd, 2, 5) }, (_, i) => {
      const text = rnd() < 0.5 ? `${pick(rnd, OBJECTS)} ${pick(rnd, ENDINGS)}` : sentence(rnd);
      return `${ordered ? `${i + 1}.` : "-"} ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    });
    parts.splice(int(rnd, 1, parts.length), 0, items.join("\n"));
  }
  return parts.join("\n\n");
}

function section(rnd: Random, key: string, number: string | null, index: number): RedlineSection {
  const base = TITLES[index % TITLES.length]!;
  const round = Math.floor(index / TITLES.length);
  return { key, number, title: round === 0 ? base : `${base} (Teil ${round + 1})`, body: body(rnd) };
}

export function generateDocument(sectionCount: number, seed: number): RedlineSection[] {
  const rnd = createRandom(seed);
  return Array.from({ length: sectionCount }, (_, i) => section(rnd, `sec-${i + 1}`, String(i + 1), i));
}

/**
 * A plausible next version: removes 3 sections, edits ~20% of the remaining
 * ones at word level (every edit is a real content change), moves 2 and adds
 * 3, then renumbers — so many sections differ only by number. Counts shrink
 * for very small documents.
 */
export function mutateDocument(doc: RedlineSection[], seed: number): RedlineSection[] {
  const rnd = createRandom(seed ^ 0x5bd1e995);
  const sections = doc.map((s) => ({ ...s }));

  for (let n = Math.min(3, Math.floor(sections.length / 4)); n > 0; n -= 1) sections.splice(int(rnd, 0, sections.length - 1), 1);

  const toEdit = shuffle(rnd, sections.map((_, i) => i)).slice(0, Math.round(doc.length * 0.2));
  for (const i of toEdit) sections[i] = editSection(rnd, sections[i]!);

  for (let n = Math.min(2, Math.floor(sections.length / 4)); n > 0; n -= 1) {
    const [moving] = sections.splice(int(rnd, 0, sections.length - 1), 1);
    sections.splice(int(rnd, 0, sections.length), 0, moving!);
  }

  const keys = new Set(doc.map((s) => s.key));
  for (let n = 0; n < 3; n += 1) {
    let key = `new-${seed}-${n}`;
    while (keys.has(key)) key += "x";
    keys.add(key);
    sections.splice(int(rnd, 0, sections.length), 0, section(rnd, key, null, int(rnd, 0, 1000)));
  }

  return sections.map((s, i) => ({ ...s, number: String(i + 1) }));
}

function shuffle<T>(rnd: Random, list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = int(rnd, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One to three word-level edits (replace/insert/delete a word, add/drop a bullet) or a title tweak. */
function editSection(rnd: Random, s: RedlineSection): RedlineSection {
  if (s.body.trim() === "" || rnd() < 0.1) return { ...s, title: `${s.title} ${pick(rnd, TITLE_SUFFIXES)}` };
  const lines = s.body.split("\n");
  for (let edits = int(rnd, 1, 3); edits > 0; edits -= 1) {
    const candidates = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== "");
    const { line, i } = pick(rnd, candidates);
    const isItem = /^(-|\d+\.) /.test(line);
    const words = line.split(" ");
    const first = isItem ? 1 : 0; // never touch the list marker
    const at = int(rnd, first, words.length - 1);
    const kind = rnd();
    if (kind < 0.4) {
      const replacement = pick(rnd, MODIFIERS);
      words[at] = words[at] === replacement ? `${replacement}er` : replacement;
    } else if (kind < 0.7 || words.length - first < 4) {
      words.splice(at, 0, pick(rnd, MODIFIERS));
    } else if (kind < 0.85) {
      words.splice(at, 1);
    } else if (isItem && rnd() < 0.5 && lines.filter((l) => /^(-|\d+\.) /.test(l)).length > 1) {
      lines.splice(i, 1); // drop a bullet
      continue;
    } else {
      lines.splice(i + 1, 0, `${isItem ? line.split(" ")[0] : "\n-"} ${pick(rnd, OBJECTS)} ${pick(rnd, ENDINGS)}`);
      continue;
    }
    lines[i] = words.join(" ");
  }
  const edited = lines.join("\n");
  // Extremely unlikely, but an edit sequence could cancel out; force a visible change then.
  return { ...s, body: edited === s.body ? `${edited} ${pick(rnd, MODIFIERS)}` : edited };
}
