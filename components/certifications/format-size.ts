/** A file size for people: "312 kB", "2.4 MB" (binary units, as file managers show them). */
export function formatFileSize(bytes: number, locale: string): string {
  const unit = bytes >= 1024 * 1024 ? "megabyte" : "kilobyte";
  const value = bytes / (unit === "megabyte" ? 1024 * 1024 : 1024);
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}
