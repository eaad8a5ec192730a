import ts from 'typescript';
import {
  calleeName,
  calleeReceiver,
  excerpt,
  memberValue,
  rootIdentifier,
  staticName,
  stringValue,
  unwrap,
  writeOf,
} from './ast.js';
import type { Ctx } from './facts.js';
import { FORBIDDEN_OBJECT_METHODS, RUNNER_SETTINGS } from './names.js';

/** Calls whose options configure browsers, contexts and fixtures (`test.use`, `browser.newContext`, `test.extend`). */
export const OPTION_CALLS = new Set(['use', 'newContext', 'newPage', 'extend']);

/** `devices['iPhone 13']`, or a `const` holding one. */
function isDevicesEntry(node: ts.Expression, ctx: Ctx): boolean {
  const value = unwrap(node);
  if (ts.isIdentifier(value)) return ctx.facts.isDevicesName(value.text);
  if (!ts.isElementAccessExpression(value) || stringValue(value.argumentExpression) === undefined) return false;
  const root = unwrap(value.expression);
  return ts.isIdentifier(root) && ctx.facts.playwrightBinding(root.text) === 'devices';
}

function checkOptionObject(node: ts.Expression, call: string, ctx: Ctx, subject = `the options of ${call}`): void {
  const value = unwrap(node);
  if (isDevicesEntry(value, ctx)) return;
  if (!ts.isObjectLiteralExpression(value)) {
    ctx.report(node, 'options', `${subject} must be an object literal so it can be checked`);
    return;
  }
  for (const property of value.properties) {
    if (ts.isSpreadAssignment(property) && !isDevicesEntry(property.expression, ctx)) {
      ctx.report(property, 'options', `${subject} may spread only devices['…'] entries`);
    }
    if (ts.isAccessor(property)) ctx.report(property, 'options', `${subject} must not use getters or setters`);
    // Playwright's own `_` fixtures (`_browserOptions`, `_optionConnectOptions` …) configure the launch.
    const name = ts.isSpreadAssignment(property) ? undefined : property.name && staticName(property.name);
    if (name?.startsWith('_') && property.name) {
      ctx.report(property.name, 'private-member', `${call} must not set Playwright's internal ${name}`);
    }
  }
  const contextOptions = memberValue(value, 'contextOptions');
  if (contextOptions) checkOptionObject(contextOptions, call, ctx, `contextOptions in ${call}`);
}

/** `test.use({…})`, `browser.newContext({…})`, `test.extend({…})`: literal options only, so every key is seen. */
export function checkOptionCall(call: ts.CallExpression, ctx: Ctx): void {
  const method = calleeName(call);
  const receiver = calleeReceiver(call);
  if (!method || !receiver || !OPTION_CALLS.has(method)) return;
  if (method === 'extend' && ts.isIdentifier(receiver) && ctx.facts.playwrightLocals.get(receiver.text) === 'expect') {
    return;
  }
  const label = `${excerpt(receiver, ctx.sourceFile, 24)}.${method}()`;
  for (const arg of call.arguments) checkOptionObject(arg, label, ctx);
}

/** Object literals, array literals and consts holding one: their own properties are plain data. */
function isData(node: ts.Expression | undefined, ctx: Ctx): boolean {
  const value = node && unwrap(node);
  if (!value) return false;
  if (ts.isIdentifier(value)) return ctx.facts.isDataName(value.text);
  return (
    ts.isArrayLiteralExpression(value) ||
    (ts.isObjectLiteralExpression(value) && !value.properties.some(ts.isSpreadAssignment))
  );
}

/**
 * `Object` may only be used to call its harmless helpers. Reflection would read Playwright's internal
 * fields (`Object.values(page)`), reach constructors through descriptors and prototypes, or rewrite
 * shared objects such as `devices` (`Object.assign(devices[…], …)`).
 */
export function checkObjectUse(id: ts.Identifier, ctx: Ctx): void {
  const access = id.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== id) {
    ctx.report(id, 'reflection', 'Object may only be used to call its methods in test code, e.g. Object.keys(…)');
    return;
  }
  const method = access.name.text;
  const call = ts.isCallExpression(access.parent) && access.parent.expression === access ? access.parent : undefined;
  const first = call?.arguments[0];
  if (FORBIDDEN_OBJECT_METHODS.has(method)) {
    ctx.report(access, 'reflection', `Object.${method}() is not allowed in test code`);
  } else if (method === 'assign' && !(first && ts.isObjectLiteralExpression(unwrap(first)))) {
    ctx.report(access, 'reflection', 'Object.assign() may only copy into a new object literal: Object.assign({}, …)');
  } else if ((method === 'entries' || method === 'values') && !isData(first, ctx)) {
    ctx.report(
      access,
      'reflection',
      `Object.${method}() is allowed only on object or array literals (or a const holding one); use Object.keys(…)`,
    );
  }
}

/** Writes to `test`, `expect`, `devices`, `Math` or to runner settings such as `testInfo.snapshotSuffix`. */
export function checkMutation(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: Ctx): void {
  if (!writeOf(node)) return;
  const root = rootIdentifier(node);
  const name = ts.isPropertyAccessExpression(node) ? node.name.text : stringValue(node.argumentExpression);
  if (root && (ctx.facts.playwrightLocals.has(root.text) || root.text === 'Math')) {
    ctx.report(node, 'mutation', `changing ${excerpt(node, ctx.sourceFile)} is not allowed in test code`);
  } else if (name && RUNNER_SETTINGS.has(name)) {
    ctx.report(node, 'mutation', `changing .${name} is not allowed in test code`);
  }
}
