/** Where the requester downloads an issued letter (route of the letter module). */
export function letterDownloadPath(requestId: string): string {
  return `/account/attestations/${requestId}/letter`;
}

/** Where the tenant's staff download it (the console's route of the letter module). */
export function staffLetterDownloadPath(slug: string, requestId: string): string {
  return `/${slug}/admin/attestations/${requestId}/letter`;
}

export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}
