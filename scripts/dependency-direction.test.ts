import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the lint rule that enforces the dependency direction', () => {
  it.each([
    ['packages/engine/src/x.ts', "import { openDatabase } from '@sentri/db';\nexport const x = openDatabase;\n"],
    ['packages/engine/src/x.ts', "import Fastify from 'fastify';\nexport const x = Fastify;\n"],
    [
      'packages/core/src/x.ts',
      "import { findBrowserExecutable } from '@sentri/engine';\nexport const x = findBrowserExecutable;\n",
    ],
    ['packages/db/src/x.ts', "import { buildApp } from '@sentri/server';\nexport const x = buildApp;\n"],
    ['apps/web/src/x.ts', "import { openDatabase } from '@sentri/db';\nexport const x = openDatabase;\n"],
    ['apps/server/src/x.ts', "import { x as y } from '../../../packages/db/src/index.js';\nexport const x = y;\n"],
    ['packages/runtime/src/x.ts', "import { createOpenAI } from '@ai-sdk/openai';\nexport const x = createOpenAI;\n"],
  ])('rejects an upward import in %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found.some((message) => message.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('rejects process.env outside the server configuration', async () => {
    const found = await problems('packages/engine/src/x.ts', 'export const timeout = process.env.TIMEOUT;\n');
    expect(found.some((message) => message.startsWith('no-restricted-properties'))).toBe(true);
    const routes = await problems('apps/server/src/routes/x.ts', 'export const timeout = process.env.TIMEOUT;\n');
    expect(routes.some((message) => message.startsWith('no-restricted-properties'))).toBe(true);
    expect(await problems('apps/server/src/config/x.ts', 'export const timeout = process.env.TIMEOUT;\n')).toEqual([]);
  });

  it.each([
    ['packages/engine/src/x.ts', "import { AppError } from '@sentri/core';\nexport const x = AppError;\n"],
    ['packages/engine/src/x.ts', "import * as runtime from '@sentri/runtime';\nexport const x = runtime;\n"],
    [
      'apps/server/src/x.ts',
      "import { openDatabase } from '@sentri/db';\nimport Fastify from 'fastify';\nexport const x = [openDatabase, Fastify];\n",
    ],
    ['packages/db/src/x.ts', "import { sql } from 'kysely';\nexport const x = sql;\n"],
  ])('allows a downward import in %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
