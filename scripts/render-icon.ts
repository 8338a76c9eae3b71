/**
 * Renders the app icon (resources/icon.svg) to resources/icon.png at 512×512 in Debian's Chromium
 * (playwright-core; Playwright cannot download its own browser here). Run after changing the SVG:
 * `npx tsx scripts/render-icon.ts`; the PNG is committed, so neither a build nor the app needs a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 512;
const svg = readFileSync(new URL('../resources/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  // The SVG as the whole page, on a transparent background (the icon's corners are rounded).
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
  console.log(`resources/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
