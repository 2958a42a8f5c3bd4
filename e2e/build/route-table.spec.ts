import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

/** Pages that mint signed URLs or show private data; none may be prerendered. */
const DYNAMIC_PAGES = ["/documents", "/appointments", "/doctor", "/staff", "/admin/audit", "/home"];

const BUILD_DIR = path.resolve(".next");

test("portal pages are never prerendered", () => {
  const manifest = JSON.parse(
    readFileSync(path.join(BUILD_DIR, "prerender-manifest.json"), "utf8"),
  ) as { routes: Record<string, unknown> };

  const prerendered = Object.keys(manifest.routes);
  for (const page of DYNAMIC_PAGES) {
    expect(prerendered, page).not.toContain(page);
    for (const folder of ["", "(portal)"]) {
      const html = path.join(BUILD_DIR, "server", "app", folder, `${page}.html`);
      expect(existsSync(html), html).toBe(false);
    }
  }
});
