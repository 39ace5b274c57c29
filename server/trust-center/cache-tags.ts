/** Every cached public page and query of a tenant carries this tag; publishing invalidates exactly it. */
export const tenantTag = (slug: string) => `tenant:${slug}`;
