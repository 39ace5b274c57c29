import localFont from "next/font/local";

// Self-hosted (no request to a font CDN): Inter, variable weight, Latin subset (covers ä ö ü ß „“ –).
export const inter = localFont({
  src: "./fonts/inter-latin-wght.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});
