/** Addresses are compared and stored lower-case (the users table enforces it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
