// Bundles the three programs this repository ships, plus the integration-test bundle:
//   dist/extension.js      the extension (CommonJS, Node, `vscode` external)
//   dist/emulator.js       the offline Azure emulator's entry point (also started by the extension)
//   dist/webviews/*.js     webview front ends (browser IIFE) from media/webviews/<service>/pages
//   out/test/integration   mocha suites that run inside VS Code's extension host (with --tests)
// Flags: --release (minify, no sourcemaps), --watch, --tests, --metafile (writes dist/meta.json).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const release = args.has('--release');
const watch = args.has('--watch');

const node = {
  bundle: true,
  // node-fetch's fallback URL parser is never used on Node 20 (see scripts/shims/whatwgUrl.cjs).
  alias: { 'whatwg-url': './scripts/shims/whatwgUrl.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: release,
  sourcemap: release ? false : 'linked',
  logLevel: 'warning',
  metafile: args.has('--metafile'),
};

const exists = (p) => fs.existsSync(p);
// Each page a panel loads is media/webviews/<service>/pages/<name>.ts, bundled to dist/webviews/<name>.js.
const webviewEntries = exists('media/webviews')
  ? Object.fromEntries(
      fs.readdirSync('media/webviews').flatMap((service) => {
        const pages = `media/webviews/${service}/pages`;
        return exists(pages)
          ? fs
              .readdirSync(pages)
              .filter((f) => /^[^.]+\.ts$/.test(f))
              .map((f) => [f.slice(0, -3), `${pages}/${f}`])
          : [];
      }),
    )
  : {};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  ...(exists('src/emulator/main.ts')
    ? [{ ...node, entryPoints: { emulator: 'src/emulator/main.ts' }, outdir: 'dist', external: ['vscode'] }]
    : []),
  ...(Object.keys(webviewEntries).length
    ? [
        {
          bundle: true,
          platform: 'browser',
          format: 'iife',
          target: 'es2022',
          minify: release,
          sourcemap: release ? false : 'linked',
          logLevel: 'warning',
          entryPoints: webviewEntries,
          outdir: 'dist/webviews',
          metafile: args.has('--metafile'),
        },
      ]
    : []),
];

if (args.has('--tests')) {
  const suites = fs
    .readdirSync('test/integration')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/integration/${f}`);
  builds.push({
    ...node,
    minify: false,
    sourcemap: 'inline',
    entryPoints: suites,
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (args.has('--metafile')) {
    const merged = { inputs: {}, outputs: {} };
    for (const r of results) {
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    fs.mkdirSync('dist', { recursive: true });
    fs.writeFileSync(path.join('dist', 'meta.json'), JSON.stringify(merged));
    for (const [file, o] of Object.entries(merged.outputs))
      if (!file.endsWith('.map')) console.log(`${file}\t${(o.bytes / 1024).toFixed(1)} KiB`);
  }
}
