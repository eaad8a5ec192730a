// Writes apps/web/src/api/schema.d.ts, the dashboard's types, from the server's OpenAPI document:
// the route schemas stay the one contract. `--check` fails when the committed file is stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = fileURLToPath(new URL('../apps/web/src/api/schema.d.ts', import.meta.url));

/** The TypeScript source for an OpenAPI document, as committed. */
export async function renderApiTypes(document) {
  const ast = await openapiTS(structuredClone(document), { alphabetize: true });
  return `/* Generated from the server's OpenAPI document by scripts/api-types.mjs. Do not edit. */\n\n${astToString(ast)}`;
}

/** The server's document, from a throwaway instance of the built app. */
export async function serverDocument() {
  const { buildApp } = await import('../apps/server/dist/app.js');
  const { loadConfig } = await import('../apps/server/dist/config/index.js');
  const { createContainer } = await import('../apps/server/dist/container.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-api-types-'));
  const container = await createContainer(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SENTRI_ROLES: 'api' }));
  try {
    const app = await buildApp(container);
    await app.ready();
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    await app.close();
    return document;
  } finally {
    await container.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = await renderApiTypes(await serverDocument());
  if (process.argv.includes('--check')) {
    const actual = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, 'utf8') : '';
    if (actual !== expected) {
      console.error('apps/web/src/api/schema.d.ts is out of date: run `npm run build && npm run api:types`.');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(API_TYPES_FILE, expected);
    console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
  }
}
