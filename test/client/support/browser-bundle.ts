import { build } from 'esbuild';

/** The client bundled as a browser would load it. */
export interface BrowserBundle {
  /** One minified ES module. */
  code: string;
  /** Every module esbuild resolved on the way (paths relative to the repository). */
  inputs: string[];
  /** The modules that left code in the bundle after tree shaking. */
  included: string[];
}

/**
 * Bundles `src/client/index.ts` for the browser with esbuild: `platform:
 * 'browser'` resolves packages' browser builds and fails on any module it
 * cannot bundle for a browser, a Node built-in included.
 */
export async function bundleClientForBrowser(): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: ['src/client/index.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  const [meta] = Object.values(result.metafile.outputs);
  const included = Object.entries(meta!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code: output!.text, inputs: Object.keys(result.metafile.inputs), included };
}
