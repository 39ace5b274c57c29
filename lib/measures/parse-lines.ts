import type { ParseIssue } from "./parse-types";

export const MAX_LINE_LENGTH = 5000;

/** A non-blank source line, trimmed, with its 1-based number in the original input. */
export interface SourceLine {
  line: number;
  text: string;
}

/** Consecutive non-blank lines: one paragraph of the source. The tuple type keeps `lines[0]` defined. */
export interface Block {
  lines: [SourceLine, ...SourceLine[]];
}

export function splitLines(input: string): string[] {
  // Windows editors like to save a BOM; it is not content and must not end up in the title.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // A lone CR counts as a line break too, so that line numbers stay right for old Mac files.
  return text.split(/\r\n|\r|\n/);
}

/** Reports characters that cannot be seen or edited by legal staff, and absurdly long lines. */
export function checkLines(lines: readonly string[]): ParseIssue[] {
  const issues: ParseIssue[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const control = firstControlChar(text);
    if (control !== null) {
      issues.push({ line, code: "control-character", params: { char: formatCodePoint(control) } });
    }
    // UTF-16 length is an upper bound of the code point count, so only long lines need counting.
    if (text.length > MAX_LINE_LENGTH) {
      const length = Array.from(text).length;
      if (length > MAX_LINE_LENGTH) {
        issues.push({ line, code: "line-too-long", params: { length, max: MAX_LINE_LENGTH } });
      }
    }
  });
  return issues;
}

export function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    const [first, ...rest] = current;
    if (first) blocks.push({ lines: [first, ...rest] });
    current = [];
  };
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === "") flush();
    else current.push({ line: index + 1, text });
  });
  flush();
  return blocks;
}

/** C0 and C1 controls except tab (CR and LF are gone after splitting). */
function firstControlChar(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f)) return code;
  }
  return null;
}

function formatCodePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
