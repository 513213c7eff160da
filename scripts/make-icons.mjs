// Renders the icon's SVG drawings to every PNG the manifests and the toolbar use, with Debian's
// Chromium, and checks that each variant stands out on the toolbars it is shown on.
// Run after editing an SVG or a colour here: `node scripts/make-icons.mjs`. The PNGs are committed.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const ICON_DIR = new URL('../public/icon/', import.meta.url);

// icon-16.svg is icon.svg redrawn for 16 px. Both take a variant's colours from CSS: `.tile` is
// the tile, the root's `color` the handset.
const drawingFor = (size) => (size === 16 ? 'icon-16.svg' : 'icon.svg');

// Toolbar colours: Chrome's default light and dark (GM3), Firefox's default light and dark themes.
const TOOLBARS = {
  'Chrome light': '#ffffff',
  'Chrome dark': '#3c3c3c',
  'Firefox light': '#f9f9fb',
  'Firefox dark': '#2b2a33',
};

const VARIANTS = [
  // <size>.png: the extension's icon. Chrome has no per-theme toolbar icon, so its tile is a blue
  // that stands out from light and dark toolbars alike.
  {
    name: 'main',
    file: (size) => `${size}.png`,
    sizes: [16, 32, 48, 96, 128],
    css: '',
    toolbars: ['Chrome light', 'Chrome dark', 'Firefox light'],
  },
  // light-<size>.png: Firefox's theme_icons `light`, the icon for dark toolbars.
  {
    name: 'light',
    file: (size) => `light-${size}.png`,
    sizes: [16, 32],
    css: 'svg { color: #062e6f } .tile { fill: #a8c7fa }',
    toolbars: ['Firefox dark'],
  },
  // muted-<size>.png: logged out, or no phone line. Set at run time over any theme's icon.
  {
    name: 'muted',
    file: (size) => `muted-${size}.png`,
    sizes: [16, 32],
    css: '.tile { fill: #8a8a8a }',
    toolbars: Object.keys(TOOLBARS),
  },
];

// WCAG 2 non-text contrast (1.4.11): a graphic needs 3:1 against what is next to it.
const MIN_CONTRAST = 3;

function luminance([r, g, b]) {
  const linear = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r / 255) + 0.7152 * linear(g / 255) + 0.0722 * linear(b / 255);
}

function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
const hexRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const variant of VARIANTS) {
    for (const size of variant.sizes) {
      const svg = await readFile(new URL(drawingFor(size), ICON_DIR), 'utf8');
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}${variant.css}</style>${svg}`,
      );
      const png = await page.screenshot({ omitBackground: true });
      await writeFile(new URL(variant.file(size), ICON_DIR), png);
    }
    // The colours as rendered, so the check sees what the SVG and the CSS made of them.
    const colours = await page.evaluate(() => ({
      tile: getComputedStyle(document.querySelector('.tile')).fill,
      glyph: getComputedStyle(document.querySelector('svg')).color,
    }));
    const tile = rgb(colours.tile);
    const checks = [
      ['handset on tile', contrast(rgb(colours.glyph), tile)],
      ...variant.toolbars.map((name) => [
        `tile on ${name}`,
        contrast(tile, hexRgb(TOOLBARS[name])),
      ]),
    ];
    console.log(
      `${variant.name}: ${checks.map(([what, ratio]) => `${what} ${ratio.toFixed(2)}:1`).join(', ')}`,
    );
    for (const [what, ratio] of checks.filter(([, ratio]) => ratio < MIN_CONTRAST)) {
      console.error(`${variant.name} ${what}: ${ratio.toFixed(2)}:1, under ${MIN_CONTRAST}:1`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
}
