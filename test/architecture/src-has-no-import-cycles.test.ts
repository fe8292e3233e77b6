import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './support/import-graph.js';

const src = new URL('../../src', import.meta.url).pathname;

describe('the import graph of src/', () => {
  it('has no cycle: every module can be read, and loaded, before the ones that import it', () => {
    const graph = importGraph(src);
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph, src)).toEqual([]);
  });

  it('the check reports a cycle by its files, type-only imports included', () => {
    const root = mkdtempSync(join(tmpdir(), 'import-cycle-'));
    try {
      writeFileSync(join(root, 'a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
      writeFileSync(join(root, 'b.ts'), "import type { C } from './c.js';\nexport const b = 1 as C;\n");
      writeFileSync(join(root, 'c.ts'), "export type C = typeof import('./a.js').a;\n");
      writeFileSync(join(root, 'd.ts'), "import { a } from './a.js';\nexport const d = a;\n");
      const cycles = importCycles(importGraph(root), root);
      expect(cycles).toHaveLength(1);
      expect(new Set(cycles[0])).toEqual(new Set(['a.ts', 'b.ts', 'c.ts']));
      expect(cycles[0]![0]).toBe(cycles[0]!.at(-1));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
