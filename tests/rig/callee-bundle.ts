import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const calleeDir = resolve(dirname(fileURLToPath(import.meta.url)), 'callee');
const cacheDir = resolve(calleeDir, '../../../node_modules/.cache/uct-rig');

let pending: Promise<string> | undefined;

/** The far-end page's HTML. */
export function calleeHtml(): string {
  return readFileSync(join(calleeDir, 'index.html'), 'utf8');
}

/**
 * The far-end phone (callee/phone.ts + sip.js) as one classic script. Built with Vite once and
 * cached on disk by content, so only the first run after a change pays for the build.
 */
export function calleeScript(): Promise<string> {
  pending ??= loadOrBuild();
  return pending;
}

async function loadOrBuild(): Promise<string> {
  const file = join(cacheDir, `callee-${sourceHash()}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not built yet.
  }
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: calleeDir,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(calleeDir, 'phone.ts'), formats: ['iife'], name: 'calleePhone' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('callee bundle: Vite produced no chunk');
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: a concurrent reader never sees half a file.
  writeFileSync(`${file}.tmp`, chunk.code);
  renameSync(`${file}.tmp`, file);
  return chunk.code;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(calleeDir).sort())
    hash.update(readFileSync(join(calleeDir, name)));
  const require = createRequire(import.meta.url);
  hash.update(readFileSync(require.resolve('sip.js/package.json')));
  return hash.digest('hex').slice(0, 16);
}
