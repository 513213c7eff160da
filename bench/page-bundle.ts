import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alias, Rollup } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = new Map<string, Promise<string>>();

/** A bench page module (bench/page/*.ts) as one classic script; built once per run. */
export function bundlePageScript(entry: string): Promise<string> {
  let script = built.get(entry);
  if (!script) {
    script = buildScript(entry).then((chunk) => chunk.code);
    built.set(entry, script);
  }
  return script;
}

/**
 * Bundles `entry` and the extension modules it imports (`@/` as in WXT) into one minified IIFE,
 * as WXT minifies the extension's own bundles. `aliases` swap modules (e.g. metadata variants).
 */
export async function buildScript(
  entry: string,
  aliases: Alias[] = [],
): Promise<Rollup.OutputChunk> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: [...aliases, { find: '@', replacement: root }] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(root, entry), formats: ['iife'], name: 'benchPage' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk')
    throw new Error(`bench: Vite produced no chunk for ${entry}`);
  return chunk;
}
