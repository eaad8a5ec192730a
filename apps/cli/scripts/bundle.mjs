// Bundles the CLI into one dependency-free file that the server hands out at /cli/sentri.mjs.
import fs from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const { version } = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8'));
const outfile = new URL('dist/sentri.mjs', root).pathname;
await build({
  entryPoints: [new URL('src/main.ts', root).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // The bundle lives alone in a CI workspace: it cannot read its version from package.json.
  define: { __SENTRI_CLI_VERSION__: JSON.stringify(version) },
});
for (const file of ['dist/main.js', 'dist/sentri.mjs']) fs.chmodSync(new URL(file, root), 0o755);
