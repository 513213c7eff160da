import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildScript } from './page-bundle';
import { row, type Row } from './results';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(root, '.output/chrome-mv3');
const KB = 1000;

interface Size {
  minified: number;
  gzip: number;
}

function sizeOf(code: string | Buffer): Size {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function sum(sizes: Size[]): Size {
  return sizes.reduce((a, b) => ({ minified: a.minified + b.minified, gzip: a.gzip + b.gzip }), {
    minified: 0,
    gzip: 0,
  });
}

/** Scripts and style sheets an extension page loads (entry, preloaded chunks, CSS). */
function pageAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)];
  return [...new Set(refs.map((m) => m[1]!.replace(/^\//, '')))];
}

function bundleSize(files: string[]): Size {
  return sum(files.map((file) => sizeOf(readFileSync(join(OUTPUT, file)))));
}

/** Item 6: the built bundles (run after `npm run build`) and the metadata choice. */
export async function measureSizes(): Promise<Row[]> {
  const manifest = JSON.parse(readFileSync(join(OUTPUT, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
    background: { service_worker: string };
  };
  const bundles: [string, string[], number?][] = [
    ['content script (CRM pages)', manifest.content_scripts.flatMap((c) => c.js), 60],
    ['popup (JS + CSS)', pageAssets(readFileSync(join(OUTPUT, 'popup.html'), 'utf8'))],
    ['offscreen phone host (JS)', pageAssets(readFileSync(join(OUTPUT, 'offscreen.html'), 'utf8'))],
    ['background service worker', [manifest.background.service_worker]],
  ];
  const rows: Row[] = [];
  for (const [name, files, goalKb] of bundles) {
    const size = bundleSize(files);
    rows.push(
      row({
        name: `size: ${name}, minified`,
        value: size.minified / KB,
        unit: 'KB',
        goal: goalKb ? { max: goalKb } : undefined,
        note: goalKb
          ? `${files.join(' ')}; a lean scanner: libphonenumber-js is in the background, which reads every frame's candidates (numbers.detect)`
          : files.join(' '),
      }),
      row({ name: `size: ${name}, gzip`, value: size.gzip / KB, unit: 'KB' }),
    );
  }

  const metadata = sizeOf(
    JSON.stringify(
      JSON.parse(
        readFileSync(join(root, 'node_modules/libphonenumber-js/metadata.min.json'), 'utf8'),
      ),
    ),
  );
  const lpn = sizeOf((await buildScript('bench/page/size-libphonenumber.ts')).code);
  rows.push(
    row({
      name: '  libphonenumber-js (functions used + min metadata), minified: in the background and the popup',
      value: lpn.minified / KB,
      unit: 'KB',
      note: `min metadata alone: ${(metadata.minified / KB).toFixed(1)} KB (${(metadata.gzip / KB).toFixed(1)} KB gzip)`,
    }),
  );
  const scanner = sizeOf((await buildScript('bench/page/size-click-to-call.ts')).code);
  rows.push(
    row({
      name: '  scanner module (utils/crm/click-to-call.ts alone), minified',
      value: scanner.minified / KB,
      unit: 'KB',
      note: `gzip ${(scanner.gzip / KB).toFixed(1)} KB; no libphonenumber-js`,
    }),
  );
  for (const variant of ['min', 'mobile', 'max'] as const) {
    const chunk = await buildScript('bench/page/size-number-detection.ts', [
      { find: /^libphonenumber-js\/min$/, replacement: `libphonenumber-js/${variant}` },
    ]);
    const size = sizeOf(chunk.code);
    rows.push(
      row({
        name: `  background number reader with ${variant} metadata, minified`,
        value: size.minified / KB,
        unit: 'KB',
        note: `gzip ${(size.gzip / KB).toFixed(1)} KB; utils/background/number-detection.ts bundled alone, once per browser${variant === 'min' ? ' (the choice in utils/phone-numbers/libphonenumber.ts)' : ''}`,
      }),
    );
  }
  return rows;
}
