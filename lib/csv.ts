// CSV (RFC 4180) for exports opened in spreadsheets. A cell that starts like a formula would be
// run by Excel or LibreOffice (CSV injection, e.g. an actor "=HYPERLINK(...)" typed into a sign-in
// form), so it gets a leading single quote, the OWASP-recommended neutralisation.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
