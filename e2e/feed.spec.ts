import { expect, open, test } from "./fixtures/test";
import type { Page } from "@playwright/test";

// The Atom feed: one entry per published version, linking the redline against its predecessor
// (or the version itself for the first one), and only the tenant's own versions.

interface ParsedFeed {
  parseError: string | null;
  namespace: string | null;
  lang: string | null;
  title: string | null;
  entries: Array<{ id: string | null; title: string | null; link: string | null }>;
}

/** Parses the feed with the browser's XML parser (a real parse, not a pattern match; about:blank will do). */
async function parseFeed(page: Page, xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    const root = doc.documentElement;
    const child = (parent: Element, name: string) => Array.from(parent.children).find((c) => c.localName === name) ?? null;
    return {
      parseError: error ? error.textContent : null,
      namespace: root.namespaceURI,
      lang: root.getAttribute("xml:lang"),
      title: child(root, "title")?.textContent ?? null,
      entries: Array.from(root.children)
        .filter((c) => c.localName === "entry")
        .map((entry) => ({
          id: child(entry, "id")?.textContent ?? null,
          title: child(entry, "title")?.textContent ?? null,
          link: child(entry, "link")?.getAttribute("href") ?? null,
        })),
    };
  }, xml);
}

async function fetchFeed(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  return response.text();
}

test("the MPMX feed has one entry per version, newest first", async ({ page, baseURL }) => {
  const xml = await fetchFeed(page, "/mpmx/feed.xml");
  const feed = await parseFeed(page, xml);
  expect(feed.parseError).toBeNull();
  expect(feed.namespace).toBe("http://www.w3.org/2005/Atom");
  expect(feed.lang).toBe("de");
  expect(feed.title).toBe("MPMX: Informationssicherheitsmaßnahmen");
  expect(feed.entries).toEqual([
    { id: `${baseURL}/mpmx/measures/v/2`, title: "Version 2, gültig ab 1. Juni 2026", link: `${baseURL}/mpmx/measures/compare?from=1&to=2` },
    { id: `${baseURL}/mpmx/measures/v/1`, title: "Version 1, gültig ab 1. September 2025", link: `${baseURL}/mpmx/measures/v/1` },
  ]);

  // The links lead to the pages they name.
  await open(page, feed.entries[0]!.link!);
  await expect(page.getByTestId("count-added")).toHaveAttribute("data-count", "1");
  await open(page, feed.entries[1]!.link!);
  await expect(page.getByTestId("superseded-notice")).toBeVisible();
});

test("the feed in English links the English pages", async ({ page, baseURL }) => {
  const feed = await parseFeed(page, await fetchFeed(page, "/mpmx/feed.xml?lang=en"));
  expect(feed.parseError).toBeNull();
  expect(feed.lang).toBe("en");
  expect(feed.title).toBe("MPMX: Information Security Measures");
  expect(feed.entries.map((e) => e.link)).toEqual([
    `${baseURL}/mpmx/measures/compare?from=1&to=2&lang=en`,
    `${baseURL}/mpmx/measures/v/1?lang=en`,
  ]);
  // Entry ids identify the version, not the language.
  expect(feed.entries.map((e) => e.id)).toEqual([`${baseURL}/mpmx/measures/v/2`, `${baseURL}/mpmx/measures/v/1`]);
});

test("the Nordlicht feed has only Nordlicht's version", async ({ page, baseURL }) => {
  const xml = await fetchFeed(page, "/nordlicht/feed.xml");
  const feed = await parseFeed(page, xml);
  expect(feed.parseError).toBeNull();
  expect(feed.title).toBe("Nordlicht Analytics GmbH: Technische und organisatorische Maßnahmen");
  expect(feed.entries).toEqual([
    { id: `${baseURL}/nordlicht/measures/v/1`, title: "Version 1, gültig ab 15. März 2026", link: `${baseURL}/nordlicht/measures/v/1` },
  ]);
  expect(xml.toLowerCase()).not.toContain("mpmx");
});

test("an unknown tenant has no feed", async ({ request }) => {
  const response = await request.get("/does-not-exist/feed.xml");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).not.toContain("atom");
});
