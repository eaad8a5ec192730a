import ts from 'typescript';
import { lit, type WrittenStep } from '../test-writer.js';

export type Fixture = 'page' | 'request';

/** Calls on `test` that are not tests themselves. */
const NOT_A_TEST = new Set([
  'describe',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'step',
  'use',
  'extend',
  'configure',
  'info',
  'setTimeout',
  'slow',
]);

/** The code inside the first Markdown fence, or the text itself when it has none. */
export function stripFences(text: string): string {
  const fenced = /```[\w-]*[ \t]*\r?\n([\s\S]*?)```/.exec(text);
  return (fenced?.[1] ?? text).trim();
}

function testCallee(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee) && callee.text === 'test') return 'test';
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'test')
    return callee.name.text;
  return undefined;
}

/** `test(...)` / `test.only(...)` calls, in order, including those nested in `test.describe` blocks. */
function findTestCalls(statements: readonly ts.Statement[]): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue;
    const call = statement.expression;
    const kind = testCallee(call);
    if (kind === 'describe') {
      const body = call.arguments.find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
      if (body && (ts.isArrowFunction(body) || ts.isFunctionExpression(body)) && ts.isBlock(body.body)) {
        calls.push(...findTestCalls(body.body.statements));
      }
    } else if (kind !== undefined && !NOT_A_TEST.has(kind)) calls.push(call);
  }
  return calls;
}

const isModuleLine = (statement: ts.Statement, source: ts.SourceFile) =>
  ts.isImportDeclaration(statement) ||
  (ts.isVariableStatement(statement) && /\brequire\s*\(/.test(statement.getText(source)));

const titleOf = (call: ts.CallExpression) => {
  const first = call.arguments[0];
  return first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
};

function stepBlock(steps: WrittenStep[], indent: string, from: number): string {
  return steps.map((step, i) => `${indent}// Step ${from + i}: ${step.text}\n${indent}${step.code}\n`).join('');
}

/** Puts `prelude` at the start of the test body and renumbers the model's `// Step N:` comments after it. */
function withPrelude(code: string, prelude: WrittenStep[]): string {
  if (prelude.length === 0) return code;
  const source = ts.createSourceFile('t.ts', code, ts.ScriptTarget.Latest, true);
  const call = findTestCalls(source.statements)[0];
  const fn = call?.arguments[1];
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isBlock(fn.body)) return code;
  const open = fn.body.getStart(source) + 1;
  const rest = code
    .slice(open)
    .replace(/\/\/\s*Step\s+(\d+)\s*:/g, (_, n: string) => `// Step ${Number(n) + prelude.length}:`);
  return `${code.slice(0, open)}\n${stepBlock(prelude, '  ', 1).trimEnd()}${rest}`;
}

/**
 * A model's code as the canonical stored form: exactly one `test('<name>', async ({ <fixture> }) => …)`
 * call, without fences, imports or `test.describe` wrappers. The title is the test's name, so the
 * report and the code agree. A bare body (statements without a `test` call) is wrapped in one.
 * `prelude` steps (signing in) are placed first: they hold credentials the model never sees.
 */
export function normaliseCode(raw: string, name: string, fixture: Fixture, prelude: WrittenStep[] = []): string {
  const text = stripFences(raw);
  const source = ts.createSourceFile('reply.ts', text, ts.ScriptTarget.Latest, true);
  const calls = findTestCalls(source.statements);
  const chosen = calls.find((call) => titleOf(call) === name) ?? calls[0];
  let code: string;
  if (chosen) {
    const title = chosen.arguments[0];
    const start = chosen.getStart(source);
    const head = title ? text.slice(start, title.getStart(source)).replace(/^test\.only\b/, 'test') : 'test(';
    const tail = text.slice(title ? title.getEnd() : chosen.expression.getEnd() + 1, chosen.getEnd());
    // A test taken out of a `describe` block keeps its body's layout, one level less indented.
    const column = source.getLineAndCharacterOfPosition(start).character;
    const dedented = tail.replace(new RegExp(`\\n {1,${Math.max(1, column)}}`, 'g'), column ? '\n' : '$&');
    code = `${head}${lit(name)}${dedented};\n`;
  } else {
    const body = source.statements
      .filter((statement) => !isModuleLine(statement, source))
      .map((statement) => statement.getFullText(source))
      .join('')
      .trim();
    const indented = body
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    code = `test(${lit(name)}, async ({ ${fixture} }) => {\n${indented}\n});\n`;
  }
  return withPrelude(code, prelude);
}

/** The `// Step N: …` comments of a test, as readable steps (used when a reply has no usable steps). */
export function stepCommentsOf(code: string): string[] {
  return [...code.matchAll(/\/\/\s*Step\s+\d+\s*:\s*(.+)/g)].map((match) => (match[1] ?? '').trim()).filter(Boolean);
}
