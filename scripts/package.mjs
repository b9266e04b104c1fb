// npm run package: a release build (minified, no sourcemaps) packed into a VSIX with @vscode/vsce,
// then a check that the VSIX holds only what runs: no sources, tests, maps or node_modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureNodeModules, log, root, run } from './lib/prereqs.mjs';

ensureNodeModules();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
export const vsixPath = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run('node', ['esbuild.mjs', '--release']);
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const forbidden = files.filter((f) => /^(src|test|scripts|bench|node_modules|out|\.cache)\/|\.ts$|\.map$|^\.ci\//.test(f));
if (forbidden.length) {
  console.error(`The VSIX would contain files that do not run:\n  ${forbidden.join('\n  ')}\nFix .vscodeignore.`);
  process.exit(1);
}
// Relative README links stay as they are: the repository has no public URL for vsce to rewrite them to.
run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsixPath]);
// Same count and size as vsce's "Packaged:" line: the archive also holds its manifest and [Content_Types].xml.
const entries = zipEntryCount(vsixPath);
log(
  `VSIX: ${path.relative(root, vsixPath)} (${entries} files, ${(fs.statSync(vsixPath).size / 1024).toFixed(2)} KB): ` +
    `${files.length} extension files (${files.join(', ')}) plus ${entries - files.length} VSIX metadata files`,
);

/** Number of entries in a zip archive, from its end-of-central-directory record. */
function zipEntryCount(file) {
  const buf = fs.readFileSync(file);
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt16LE(i + 10);
  }
  throw new Error(`${file} is not a zip archive`);
}
