/** "3. Verschlüsselung"; sections without a number (preamble, closing) have no visible heading. */
export function sectionHeading(number: string | null, title: string): string {
  return number ? `${number}. ${title}` : title;
}
