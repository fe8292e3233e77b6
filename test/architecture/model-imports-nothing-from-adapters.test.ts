import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from './support/import-graph.js';

const src = new URL('../../src', import.meta.url).pathname;

/** Each file of `folder` (under src/) with the files outside it that it imports. */
function importsLeaving(folder: string): string[] {
  const graph = importGraph(src);
  return [...graph].flatMap(([file, targets]) => {
    const from = relative(src, file);
    if (!from.startsWith(`${folder}/`)) return [];
    return targets.map((target) => relative(src, target)).filter((to) => !to.startsWith(`${folder}/`)).map((to) => `${from} → ${to}`);
  });
}

describe('model/', () => {
  it('imports nothing from adapters/: the unified model is what adapters map to, never the other way round', () => {
    expect(importsLeaving('model').filter((edge) => edge.includes('→ adapters/'))).toEqual([]);
  });

  it('imports nothing from outside model/ at all', () => {
    expect(importsLeaving('model')).toEqual([]);
  });
});
