import ts from 'typescript';
import {
  accessName,
  calleeName,
  calleeReceiver,
  excerpt,
  hiddenMember,
  isDirectlyCalled,
  memberValue,
  staticName,
  stringValue,
  unwrap,
} from './ast.js';
import type { Ctx } from './facts.js';

const RULE = 'file-path';
/**
 * Files a test must never write: modules a later worker could load, and the files that steer how
 * modules are resolved and compiled (`tsconfig.json` paths, `package.json`, the Playwright config).
 */
const LOADED_FILE =
  /(?:\.(?:[cm]?[jt]sx?|node)|^(?:package\.json|[tj]sconfig[^/\\]*\.json|\.npmrc|playwright\.config\..*))$/i;
/** Receivers of the generic names `start`/`stop`/`register` that take file paths. */
const FILE_RECEIVER = /\b(?:tracing|screencast|selectors)$/;

type FileArgs =
  | { kind: 'path'; index: number; write: boolean; object?: boolean }
  | { kind: 'options'; index: number; write: boolean; scripts?: boolean; loose?: boolean }
  | { kind: 'files' }
  | { kind: 'snapshot' };

/** Playwright calls that read or write files on the machine running the test, and where their paths are. */
const FILE_METHODS: Record<string, FileArgs> = {
  saveAs: { kind: 'path', index: 0, write: true },
  routeFromHAR: { kind: 'path', index: 0, write: true },
  setStorageState: { kind: 'path', index: 0, write: false, object: true },
  setInputFiles: { kind: 'files' },
  setFiles: { kind: 'files' },
  screenshot: { kind: 'options', index: 0, write: true },
  pdf: { kind: 'options', index: 0, write: true },
  storageState: { kind: 'options', index: 0, write: true },
  addInitScript: { kind: 'options', index: 0, write: false, scripts: true },
  addScriptTag: { kind: 'options', index: 0, write: false },
  addStyleTag: { kind: 'options', index: 0, write: false },
  fulfill: { kind: 'options', index: 0, write: false },
  startTracing: { kind: 'options', index: 1, write: true },
  attach: { kind: 'options', index: 1, write: false },
  start: { kind: 'options', index: 0, write: true, loose: true },
  startChunk: { kind: 'options', index: 0, write: true, loose: true },
  stop: { kind: 'options', index: 0, write: true, loose: true },
  stopChunk: { kind: 'options', index: 0, write: true, loose: true },
  register: { kind: 'options', index: 1, write: false, scripts: true, loose: true },
  toMatchSnapshot: { kind: 'snapshot' },
  toHaveScreenshot: { kind: 'snapshot' },
  toMatchAriaSnapshot: { kind: 'snapshot' },
};

/** The file-path spec of a method name, when the receiver makes it one (`tracing.stop`, not `timer.stop`). */
export function fileMethod(name: string, receiver: ts.Expression | undefined, ctx: Ctx): FileArgs | undefined {
  const spec = Object.hasOwn(FILE_METHODS, name) ? FILE_METHODS[name] : undefined;
  if (spec?.kind === 'options' && spec.loose) {
    return receiver && FILE_RECEIVER.test(receiver.getText(ctx.sourceFile)) ? spec : undefined;
  }
  return spec;
}

/** Why a path expression is unsafe, or undefined when it is a relative literal inside the working folder. */
export function pathProblem(node: ts.Expression, write: boolean, ctx: Ctx): string | undefined {
  const expr = unwrap(node);
  if (isOutputPath(expr, ctx)) return undefined;
  const value = stringValue(expr) ?? (ts.isIdentifier(expr) ? ctx.facts.constString(expr.text)?.text : undefined);
  if (value === undefined) return `must be a string literal, not ${excerpt(expr, ctx.sourceFile)}`;
  const shown = JSON.stringify(value);
  if (!value.trim()) return 'must not be empty';
  if (/^(?:[\\/~]|[a-z]:|file:)/i.test(value)) return `${shown} must be a relative path`;
  const segments = value.split(/[\\/]/);
  if (segments.includes('..')) return `${shown} must not contain ".."`;
  // The run folder links node_modules to the installation itself.
  if (segments.some((segment) => segment.toLowerCase() === 'node_modules')) {
    return `${shown} must not point into node_modules`;
  }
  if (write && LOADED_FILE.test(segments.at(-1) ?? '')) return `${shown} must not write a script or config file`;
  return undefined;
}

/** `test.info().outputPath(…)`: Playwright keeps the result inside the test's output folder. */
function isOutputPath(expr: ts.Expression, ctx: Ctx): boolean {
  if (!ts.isCallExpression(expr) || calleeName(expr) !== 'outputPath') return false;
  const info = calleeReceiver(expr);
  if (!info || !ts.isCallExpression(info) || calleeName(info) !== 'info') return false;
  const test = calleeReceiver(info);
  return !!test && ts.isIdentifier(test) && ctx.facts.playwrightBinding(test.text) === 'test';
}

function checkPath(node: ts.Expression, label: string, write: boolean, ctx: Ctx): void {
  const problem = pathProblem(node, write, ctx);
  if (problem) ctx.report(node, RULE, `${label} path ${problem}`);
}

const isStringish = (node: ts.Expression, ctx: Ctx): boolean => {
  const expr = unwrap(node);
  if (stringValue(expr) !== undefined || ts.isTemplateExpression(expr)) return true;
  if (ts.isIdentifier(expr)) return !!ctx.facts.constString(expr.text);
  return (
    ts.isBinaryExpression(expr) &&
    expr.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (isStringish(expr.left, ctx) || isStringish(expr.right, ctx))
  );
};

/** An object literal whose keys can all be seen, so a `path` in it cannot hide; reports it otherwise. */
function seenObject(node: ts.Expression, label: string, ctx: Ctx): node is ts.ObjectLiteralExpression {
  const value = unwrap(node);
  const hidden = ts.isObjectLiteralExpression(value) ? hiddenMember(value) : undefined;
  if (ts.isObjectLiteralExpression(value) && !hidden) return true;
  const why = hidden ? 'must not use spreads, getters or computed keys' : 'must be an object literal';
  ctx.report(hidden ?? node, RULE, `${label} ${why} so its file path can be checked`);
  return false;
}

function checkOptions(arg: ts.Expression, label: string, spec: { write: boolean; scripts?: boolean }, ctx: Ctx): void {
  const value = unwrap(arg);
  if (spec.scripts && (ts.isArrowFunction(value) || ts.isFunctionExpression(value) || isStringish(value, ctx))) return;
  if (spec.scripts && ts.isIdentifier(value) && ctx.facts.isFunctionName(value.text)) return;
  if (!seenObject(arg, `${label} options`, ctx)) return;
  const path = memberValue(unwrap(arg) as ts.ObjectLiteralExpression, 'path');
  if (path) checkPath(path, label, spec.write, ctx);
}

/** `setInputFiles(selector, files)` on a page or frame, `setInputFiles(files)` on a locator. */
function checkFiles(call: ts.CallExpression, label: string, ctx: Ctx): void {
  const [first, second] = call.arguments.map(unwrap);
  const isOptions = (node: ts.Expression | undefined) =>
    !!node &&
    ts.isObjectLiteralExpression(node) &&
    !['name', 'mimeType', 'buffer'].some((key) => memberValue(node, key) !== undefined);
  const files = second && !isOptions(second) ? second : first;
  const checkOne = (node: ts.Expression): void => {
    const value = unwrap(node);
    if (ts.isArrayLiteralExpression(value)) return value.elements.forEach(checkOne);
    if (ts.isObjectLiteralExpression(value)) return void seenObject(value, `${label} file`, ctx);
    if (stringValue(value) !== undefined || ts.isIdentifier(value)) return checkPath(value, label, false, ctx);
    ctx.report(node, RULE, `${label} takes literal relative file paths or { name, mimeType, buffer } objects`);
  };
  if (files) checkOne(files);
}

/** String snapshot names are sanitised by Playwright; arrays of segments are joined as they are. */
function checkSnapshotName(call: ts.CallExpression, label: string, ctx: Ctx): void {
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  if (!first || isStringish(first, ctx)) return;
  if (ts.isArrayLiteralExpression(first)) {
    for (const element of first.elements) checkPath(element, `${label} name segment`, true, ctx);
    return;
  }
  if (ts.isObjectLiteralExpression(first)) {
    if (!seenObject(first, `${label} options`, ctx)) return;
    const name = memberValue(first, 'name');
    if (!name || isStringish(name, ctx)) return;
  }
  ctx.report(first, RULE, `${label} name must be a string or an array of literal path segments`);
}

/** Checks the file paths given to Playwright calls that read or write local files. */
export function checkFileCall(call: ts.CallExpression, ctx: Ctx): void {
  const method = calleeName(call);
  const receiver = calleeReceiver(call);
  if (!method || !receiver) return;
  const label = `${method}()`;
  if (method === 'push' && accessName(receiver) === 'attachments') {
    for (const arg of call.arguments) checkOptions(arg, 'attachments.push()', { write: false }, ctx);
    return;
  }
  const spec = fileMethod(method, receiver, ctx);
  if (!spec) return;
  if (spec.kind === 'files') return checkFiles(call, label, ctx);
  if (spec.kind === 'snapshot') return checkSnapshotName(call, label, ctx);
  const arg = call.arguments[spec.index];
  if (!arg) return;
  if (spec.kind === 'path') {
    if (spec.object && ts.isObjectLiteralExpression(unwrap(arg))) return;
    return checkPath(arg, label, spec.write, ctx);
  }
  checkOptions(arg, label, spec, ctx);
}

/**
 * `testInfo.attachments` is read by the runner (and copied into reports and traces) by path, so test
 * code may only `push` checked literals onto it or read its length; `testInfo.attach()` is the way in.
 */
export function checkAttachmentsUse(access: ts.Expression, ctx: Ctx): void {
  const parent = access.parent;
  const next = ts.isPropertyAccessExpression(parent) && parent.expression === access ? parent.name.text : undefined;
  if (next === 'length' || (next === 'push' && isDirectlyCalled(parent as ts.Expression))) return;
  ctx.report(access, RULE, 'testInfo.attachments may only be used as attachments.push({…}); use testInfo.attach()');
}

const FILE_OPTIONS = new Set([
  'storageState',
  'recordHar',
  'recordVideo',
  'certPath',
  'keyPath',
  'pfxPath',
  'clientCertificates',
]);

/** Browser and context options that name files: `storageState`, `recordHar`, `recordVideo`, client certificates. */
export function checkFileOption(property: ts.ObjectLiteralElementLike, ctx: Ctx): void {
  const key = ts.isSpreadAssignment(property) ? undefined : staticName(property.name);
  if (!key || !FILE_OPTIONS.has(key)) return;
  if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) {
    ctx.report(property, RULE, `${key} must be a plain property so its file path can be checked`);
    return;
  }
  const value = unwrap(ts.isPropertyAssignment(property) ? property.initializer : property.name);
  const pathIn = (pathKey: string, write: boolean) => {
    if (!seenObject(value, key, ctx)) return;
    const path = memberValue(value as ts.ObjectLiteralExpression, pathKey);
    if (path) checkPath(path, key, write, ctx);
  };
  switch (key) {
    case 'storageState': {
      if (ts.isObjectLiteralExpression(value)) return;
      const call = ts.isAwaitExpression(value) ? unwrap(value.expression) : value;
      if (ts.isCallExpression(call) && calleeName(call) === 'storageState') return;
      return checkPath(value, 'storageState', false, ctx);
    }
    case 'recordHar':
      return pathIn('path', true);
    case 'recordVideo':
      return pathIn('dir', true);
    case 'certPath':
    case 'keyPath':
    case 'pfxPath':
      return checkPath(value, key, false, ctx);
    case 'clientCertificates':
      if (ts.isArrayLiteralExpression(value)) {
        for (const element of value.elements) seenObject(element, 'each client certificate', ctx);
        return;
      }
      ctx.report(
        value,
        RULE,
        'clientCertificates must be an array of object literals so its file paths can be checked',
      );
  }
}
