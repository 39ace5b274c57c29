const FALLBACK_BRAND = "#1d4ed8";

/** A tenant colour goes into a CSS custom property: only a plain hex colour is accepted. */
export function safeBrandColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : FALLBACK_BRAND;
}

/** A logo is shown through an <img> data URL, where an SVG cannot run scripts. */
export function logoDataUrl(svg: string | null | undefined): string | null {
  return svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;
}
