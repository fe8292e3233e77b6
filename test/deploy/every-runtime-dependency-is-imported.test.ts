import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The image installs every runtime dependency (`npm ci --omit=dev`), so one
 * nothing imports is weight and attack surface for nothing. Each dependency
 * must be imported by a source file, or be listed here as waiting for a
 * decision (use it or remove it), which keeps the list honest both ways.
 */
const NOT_IMPORTED_YET: string[] = [];

const root = new URL('../..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The packages a source text imports (`from 'x'`, `from 'x/y'`, `import('x')`), by package name. */
function importedPackages(text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'".][^'"]*)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

/** The peer dependencies of an installed package: what it needs installed beside it (`dataloader` for the dataloader plugin). */
function peersOf(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
  return Object.keys(manifest.peerDependencies ?? {});
}

describe('runtime dependencies', () => {
  it('are each imported by the gateway, its client or its scripts (or needed beside a package they import), but for the ones waiting for a decision', () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set([...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'scripts'))].flatMap((file) => importedPackages(readFileSync(file, 'utf8'))));
    const used = new Set([...imported, ...[...imported].filter((name) => name in dependencies).flatMap(peersOf)]);
    const unused = Object.keys(dependencies).filter((name) => !used.has(name));
    expect(unused.sort()).toEqual([...NOT_IMPORTED_YET].sort());
  });
});
