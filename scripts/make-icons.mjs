// Renders public/icon/icon.svg to the PNG sizes the manifests use, with Debian's Chromium.
// Run after editing the SVG: `node scripts/make-icons.mjs`. The PNGs are committed assets.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../public/icon/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    const png = await page.screenshot({ omitBackground: true });
    await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
  }
} finally {
  await browser.close();
}
