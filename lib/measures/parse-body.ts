import type { Block } from "./parse-lines";
import type { ParseIssue } from "./parse-types";

interface ListItem {
  line: number;
  text: string;
}

/**
 * Renders source blocks as normalised Markdown. Lines of a paragraph are joined with a space, so that
 * hard-wrapped input and unwrapped input give the same body and the redline compares words, not wraps.
 */
export function renderBody(blocks: readonly Block[], bullet: RegExp, warnings: ParseIssue[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const paragraph: string[] = [];
    const items: ListItem[] = [];
    for (const { line, text } of block.lines) {
      const marker = bullet.exec(text);
      const last = items.at(-1);
      if (marker) items.push({ line, text: text.slice(marker[0].length) });
      // Once a list has started, an unmarked line continues the item above it.
      else if (last) last.text = last.text === "" ? text : `${last.text} ${text}`;
      else paragraph.push(text);
    }
    if (paragraph.length > 0) parts.push(paragraph.join(" "));
    const kept = items.filter((item) => {
      if (item.text !== "") return true;
      warnings.push({ line: item.line, code: "empty-list-item" });
      return false;
    });
    if (kept.length > 0) parts.push(kept.map((item) => `- ${item.text}`).join("\n"));
  }
  return parts.join("\n\n");
}
