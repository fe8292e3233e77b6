import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { bundleClientForBrowser } from './support/browser-bundle.js';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

it('bundles for the browser with no Node built-in module and no external import on its path', async () => {
  const bundle = await bundleClientForBrowser();
  expect(bundle.inputs).toContain('src/client/index.ts');
  expect(bundle.inputs.filter((input) => input.startsWith('node:') || BUILTINS.has(input))).toEqual([]);
  // Whole: no import statement is left for a browser to resolve.
  expect(bundle.code).not.toMatch(/\bimport\s*(?:[\w{*][^;]*?from\s*)?["']/);
  // Only what the client needs of its two small dependencies comes along.
  const packages = new Set(bundle.included.filter((i) => i.startsWith('node_modules/')).map((i) => i.split('/')[1]));
  expect([...packages].sort()).toEqual(['graphql', 'graphql-sse']);
  expect(bundle.included.filter((i) => i.startsWith('node_modules/graphql/')).every((i) => /\/(language|jsutils)\//.test(i))).toBe(true);
  expect(gzipSync(bundle.code).length).toBeLessThan(16 * 1024);
});
