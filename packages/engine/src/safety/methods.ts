import ts from 'typescript';
import { calleeName, isDirectlyCalled, unwrap } from './ast.js';
import type { Ctx } from './facts.js';
import { checkAttachmentsUse, fileMethod } from './file-paths.js';
import { OPTION_CALLS } from './options.js';

/**
 * Methods whose arguments the checker inspects must be called where they are named: a reference
 * (`page.screenshot.call(…)`, `const use = test.use`, `const { saveAs } = download`) would let the
 * arguments arrive unchecked.
 */
export function checkMethodReference(
  node: ts.Node,
  name: string,
  access: ts.Expression | undefined,
  receiver: ts.Expression | undefined,
  ctx: Ctx,
): void {
  if (name === 'attachments') {
    if (access) return checkAttachmentsUse(access, ctx);
    return ctx.report(node, 'file-path', 'testInfo.attachments may only be used as attachments.push({…})');
  }
  const checked = OPTION_CALLS.has(name) || name === 'stringify' || fileMethod(name, receiver, ctx);
  if (!checked || (access && isDirectlyCalled(access))) return;
  const rule = fileMethod(name, receiver, ctx) ? 'file-path' : name === 'stringify' ? 'reflection' : 'options';
  ctx.report(
    node,
    rule,
    `.${name} must be called directly (x.${name}(…)) in test code so its arguments can be checked`,
  );
}

/**
 * `JSON.stringify(value, replacer)` hands the replacer every own property of every object it walks,
 * internal fields included; only `null`, `undefined` or a list of keys is allowed as the second argument.
 */
export function checkStringifyReplacer(call: ts.CallExpression, ctx: Ctx): void {
  const replacer = call.arguments[1] && unwrap(call.arguments[1]);
  if (calleeName(call) !== 'stringify' || !replacer) return;
  const plain =
    replacer.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(replacer) && replacer.text === 'undefined') ||
    ts.isArrayLiteralExpression(replacer);
  if (!plain) {
    ctx.report(replacer, 'reflection', 'JSON.stringify() may take only null or a list of keys as its replacer');
  }
}
