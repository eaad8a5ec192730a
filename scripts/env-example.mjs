// Writes .env.example from the server's variable table; `--check` fails when the file is stale.
import fs from 'node:fs';
import { renderEnvExample } from '../apps/server/dist/config/index.js';

const file = new URL('../.env.example', import.meta.url);
const expected = renderEnvExample();
if (process.argv.includes('--check')) {
  const actual = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (actual !== expected) {
    console.error('.env.example is out of date: run `npm run build && npm run env:example`.');
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, expected);
  console.log('wrote .env.example');
}
