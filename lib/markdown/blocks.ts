/**
 * Block level of the safe Markdown subset used in section bodies:
 * paragraphs (separated by blank lines), bullet items (`- ` / `* `) and
 * ordered items (`1. `). Everything else — headings, quotes, HTML, tables —
 * is deliberately not recognised and stays literal paragraph text.
 */

export type Block =
  | { type: "paragraph"; text: string }
  | { type: "item"; ordered: boolean; text: string };

// The marker must be followed by whitespace and real content, so `*italic*`,
// `**bold**` or a lone `-` at the start of a line are not list items.
const BULLET = /^[ \t]*[-*][ \t]+(\S.*)$/;
// Up to 9 digits like CommonMark; the number itself is not kept because
// renderers number ordered lists themselves.
const ORDERED = /^[ \t]*\d{1,9}\.[ \t]+(\S.*)$/;

/**
 * Lines of one block are trimmed and joined with a single space: a soft line
 * break renders as a space anyway, and normalising it means re-wrapping a
 * paragraph does not show up as a change in the redline.
 */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  // Lines of the block being collected; `current` is null between blocks.
  let current: { kind: "paragraph" } | { kind: "item"; ordered: boolean } | null = null;
  let lines: string[] = [];

  const flush = (): void => {
    if (current && lines.length > 0) {
      const text = lines.join(" ");
      blocks.push(current.kind === "paragraph" ? { type: "paragraph", text } : { type: "item", ordered: current.ordered, text });
    }
    current = null;
    lines = [];
  };

  for (const rawLine of markdown.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === "") {
      flush();
      continue;
    }
    const bullet = BULLET.exec(rawLine);
    const ordered = bullet ? null : ORDERED.exec(rawLine);
    const itemText = bullet?.[1] ?? ordered?.[1];
    if (itemText !== undefined) {
      // Every item line starts its own block, even directly after a paragraph
      // line: authors rarely mean "- foo" to continue the previous sentence.
      flush();
      current = { kind: "item", ordered: ordered !== null };
      lines.push(itemText.trim());
      continue;
    }
    // A plain line continues whatever block is open (CommonMark's lazy
    // continuation for items), otherwise starts a paragraph.
    if (!current) current = { kind: "paragraph" };
    lines.push(line);
  }
  flush();
  return blocks;
}
