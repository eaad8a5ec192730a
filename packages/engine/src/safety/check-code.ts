import ts from 'typescript';
import { excerpt, isNonReference, staticName, stringValue, unwrap, writeOf } from './ast.js';
import { collectFacts, isNumericExpr, type Ctx, type Report } from './facts.js';
import { checkFileCall, checkFileOption } from './file-paths.js';
import { checkMethodReference, checkStringifyReplacer } from './methods.js';
import { checkModuleSyntax } from './modules.js';
import { FORBIDDEN_FIXTURES, FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES, LAUNCH_OPTIONS, propertyRule } from './names.js';
import { checkMutation, checkObjectUse, checkOptionCall } from './options.js';

/** One reason test code was refused; `line` and `column` are 1-based. */
export interface CodeProblem {
  rule: string;
  message: string;
  line: number;
  column: number;
}

export type CodeCheck = { ok: true } | { ok: false; problems: CodeProblem[] };

/**
 * Static safety check for Playwright test code written by people or models, applied before it is
 * saved or run. The code may be a whole spec file, one `test(…)` call, or a bare body. It is the first
 * barrier only: the runner still executes tests in a separate process without secrets.
 *
 * Refused: modules other than `@playwright/test` and `@sentri/runtime`; `require`, `import()`,
 * globals that reach Node (`process`, `eval`, `Function`, `globalThis` …); launching or connecting
 * to browsers; constructors, prototypes and Playwright internals, directly or via dynamic keys and
 * reflection; `with`; code strings for timers; and file paths that are not relative literals.
 */
export function checkTestCode(code: string): CodeCheck {
  const sourceFile = ts.createSourceFile('test.spec.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: CodeProblem[] = [];
  const seen = new Set<string>();
  const add = (position: number, rule: string, message: string) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(position);
    const key = `${rule}:${position}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ rule, message, line: line + 1, column: character + 1 });
  };
  const report: Report = (node, rule, message) => add(node.getStart(sourceFile), rule, message);

  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  for (const diagnostic of diagnostics ?? []) {
    add(
      diagnostic.start ?? 0,
      'syntax',
      `syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    );
  }

  // Babel, which Playwright compiles tests with, reads the file a `//# sourceMappingURL=` comment names.
  for (const match of code.matchAll(/\/[/*][@#][ \t]+sourceMappingURL=/g)) {
    add(match.index, 'source-map', 'sourceMappingURL comments are not allowed in test code');
  }

  const ctx: Ctx = { report, facts: collectFacts(sourceFile), sourceFile };
  const visit = (node: ts.Node): void => {
    // Types are erased before the code runs; `extends Base<T>` is still an expression.
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (!checkModuleSyntax(node, report)) return;
    checkNode(node, ctx);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  if (problems.length === 0) return { ok: true };
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

/** One-line summary for an HTTP 400: "line 3: require() is not allowed in test code; …" (first 3 problems). */
export function describeProblems(problems: CodeProblem[]): string {
  const shown = problems.slice(0, 3).map((problem) => `line ${problem.line}: ${problem.message}`);
  const more = problems.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

function checkNode(node: ts.Node, ctx: Ctx): void {
  const { report } = ctx;
  if (ts.isIdentifier(node)) return checkIdentifier(node, ctx);
  if (ts.isPropertyAccessExpression(node)) {
    const rule = propertyRule(node.name.text);
    if (rule) report(node.name, rule.rule, rule.message);
    checkMethodReference(node.name, node.name.text, node, node.expression, ctx);
    return checkMutation(node, ctx);
  }
  if (ts.isElementAccessExpression(node)) {
    checkKey(node.argumentExpression, ctx);
    const name = stringValue(unwrap(node.argumentExpression));
    if (name !== undefined) checkMethodReference(node.argumentExpression, name, node, node.expression, ctx);
    return checkMutation(node, ctx);
  }
  if (ts.isComputedPropertyName(node)) return checkKey(node.expression, ctx);
  if (ts.isObjectLiteralElementLike(node) && ts.isObjectLiteralExpression(node.parent))
    return checkObjectKey(node, ctx);
  if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) return checkBindingElement(node, ctx);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (FORBIDDEN_PROPERTIES.has(node.text)) report(node, 'property', `"${node.text}" is not allowed in test code`);
    return;
  }
  if (ts.isCallExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      report(node, 'dynamic-import', 'import() is not allowed in test code');
    }
    checkTimerString(node, ctx);
    checkStringifyReplacer(node, ctx);
    checkFileCall(node, ctx);
    return checkOptionCall(node, ctx);
  }
  if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
    return report(node, 'dynamic-import', 'import.meta is not allowed in test code');
  }
  if (ts.isWithStatement(node)) return report(node, 'with', 'with statements are not allowed in test code');
  if (node.kind === ts.SyntaxKind.ThisKeyword) return checkThis(node, ctx);
}

function checkIdentifier(id: ts.Identifier, ctx: Ctx): void {
  if (isNonReference(id)) return;
  if (id.text === 'require') return ctx.report(id, 'require', 'require() is not allowed in test code');
  if (FORBIDDEN_GLOBALS.has(id.text)) return ctx.report(id, 'global', `${id.text} is not allowed in test code`);
  if (id.text === 'Object') checkObjectUse(id, ctx);
  // `Math.floor(…)` is trusted as a number for keys, so `Math` must stay the built-in one.
  if (id.text === 'Math' && !(ts.isPropertyAccessExpression(id.parent) && id.parent.expression === id)) {
    ctx.report(id, 'mutation', 'Math may only be used as Math.<function>(…) in test code');
  }
}

/**
 * A dynamic key (`obj[k]`) could spell `constructor` or an internal field at run time, so keys must be
 * literals, numbers (`rows[i]` with a numeric loop counter, `arr[arr.length - 1]`) or well-known symbols.
 */
function checkKey(key: ts.Expression, ctx: Ctx): void {
  const value = unwrap(key);
  const literal = stringValue(value);
  if (literal !== undefined) {
    const rule = propertyRule(literal);
    if (rule) ctx.report(key, rule.rule, rule.message);
    return;
  }
  if (isNumericExpr(value, ctx.facts)) return;
  // Well-known symbols (`Symbol.iterator`) are read-only, unless `Symbol` itself was redefined.
  const owner = ts.isPropertyAccessExpression(value) ? unwrap(value.expression) : undefined;
  if (owner && ts.isIdentifier(owner) && owner.text === 'Symbol' && ctx.facts.isPristine('Symbol')) return;
  ctx.report(
    key,
    'computed-member',
    `computed member access [${excerpt(value, ctx.sourceFile)}] is not allowed in test code; ` +
      'use a literal key, a numeric loop counter, or locator.nth(i)',
  );
}

/**
 * Keys of object literals. Defining a key is harmless except `__proto__` (sets the prototype) and launch
 * options; in a destructuring assignment (`({ constructor: C } = fn)`) keys are reads and fully checked.
 */
function checkObjectKey(member: ts.ObjectLiteralElementLike, ctx: Ctx): void {
  checkFileOption(member, ctx);
  if (ts.isSpreadAssignment(member) || !member.name) return;
  const name = staticName(member.name);
  if (name === undefined) return;
  const target = writeOf(member.parent as ts.ObjectLiteralExpression);
  if (target) checkMethodReference(member.name, name, undefined, undefined, ctx);
  const rule = propertyRule(name);
  if (rule && (target || name === '__proto__' || LAUNCH_OPTIONS.has(name))) {
    ctx.report(member.name, rule.rule, rule.message);
  }
}

/** `const { constructor } = fn` reads a property; `async ({ playwright }) => …` asks for a fixture. */
function checkBindingElement(element: ts.BindingElement, ctx: Ctx): void {
  const name = staticName(element.propertyName ?? element.name);
  if (name === undefined) return;
  const rule = propertyRule(name);
  if (rule) ctx.report(element.propertyName ?? element.name, rule.rule, rule.message);
  const declaration = element.parent.parent;
  const source = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  checkMethodReference(element, name, undefined, source && unwrap(source), ctx);
  if (FORBIDDEN_FIXTURES.has(name) && ts.isParameter(element.parent.parent)) {
    ctx.report(
      element,
      'fixture',
      `the ${name} fixture is not allowed in test code; use the page, context, request or browser fixtures`,
    );
  }
}

/** `setTimeout('code', …)` evaluates a string in browsers; Node throws, but the intent is refused either way. */
function checkTimerString(call: ts.CallExpression, ctx: Ctx): void {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (name !== 'setTimeout' && name !== 'setInterval') return;
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  const stringish = (node: ts.Expression): boolean =>
    stringValue(node) !== undefined ||
    ts.isTemplateExpression(node) ||
    (ts.isIdentifier(node) && !!ctx.facts.constString(node.text)) ||
    (ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      (stringish(unwrap(node.left)) || stringish(unwrap(node.right))));
  if (first && stringish(first)) {
    ctx.report(first, 'string-code', `${name}() with a string of code is not allowed in test code; pass a function`);
  }
}

/** Outside classes and object methods, `this` may be the global object (sloppy functions). */
function checkThis(node: ts.Node, ctx: Ctx): void {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isSourceFile(current)) {
      ctx.report(node, 'this', 'this is allowed in test code only inside class and object methods');
      return;
    }
    if (ts.isClassLike(current) || ts.isMethodDeclaration(current) || ts.isAccessor(current)) return;
    if (ts.isConstructorDeclaration(current)) return;
  }
}
