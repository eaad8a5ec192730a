import ts from 'typescript';
import { isNonReference, stringValue, unwrap, writeOf, type Write } from './ast.js';
import { PLAYWRIGHT_VALUE_IMPORTS } from './names.js';

export type Report = (node: ts.Node, rule: string, message: string) => void;

/** What every rule module gets: where to report, and what is known about names. */
export interface Ctx {
  report: Report;
  facts: Facts;
  sourceFile: ts.SourceFile;
}

interface Declaration {
  kind: 'const' | 'let' | 'var' | 'function' | 'import' | 'other';
  init?: ts.Expression;
}

/**
 * What the checker knows about names in one file, without a type checker. Names are tracked
 * per spelling, not per scope: a fact holds only when every declaration of that spelling agrees,
 * so shadowing can never turn a safe name into an unsafe one.
 */
export interface Facts {
  /** Every binding of the name is a number (a loop counter, `const n = 2`, `let last = rows.length - 1`). */
  isNumericName(name: string): boolean;
  /** Neither declared nor assigned anywhere in the file, so it is still the built-in global. */
  isPristine(name: string): boolean;
  /** The string literal of the single `const name = '…'`. */
  constString(name: string): ts.StringLiteralLike | undefined;
  /** Every binding is a `const` holding an object literal without spreads, or an array literal. */
  isDataName(name: string): boolean;
  /** Every binding is a `const` holding `devices['…']`. */
  isDevicesName(name: string): boolean;
  /** Every binding is a function declaration or a `const` holding a function. */
  isFunctionName(name: string): boolean;
  /** Local names of `test`, `expect` and `devices` (their own names when the code imports nothing). */
  playwrightLocals: Map<string, string>;
  /** The name is bound only by the import of `test`, `expect` or `devices` (never shadowed), or by `base.extend()` of that `test`: which one. */
  playwrightBinding(name: string): string | undefined;
}

const NUMERIC_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat']);
const VALUE_PRESERVING = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);
const NUMERIC_OPERATORS = new Set([
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

type NumericFacts = Pick<Facts, 'isNumericName' | 'isPristine'>;

/** `Math.floor(…)`, `Number(…)`, `parseInt(…)`: numbers, as long as the code never redefines those globals. */
function isNumericCall(call: ts.CallExpression, facts: NumericFacts): boolean {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return NUMERIC_FUNCTIONS.has(callee.text) && facts.isPristine(callee.text);
  const owner = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  return !!owner && ts.isIdentifier(owner) && owner.text === 'Math' && facts.isPristine('Math');
}

/**
 * Whether an expression always evaluates to a number (or throws): numeric literals, numeric names,
 * `Math.*()` calls, and operators that coerce to numbers (`-`, `*`, `%`, unary `-`, `++`…). Binary
 * `+` counts only when both sides are numeric, since it concatenates strings.
 */
export function isNumericExpr(node: ts.Expression, facts: NumericFacts): boolean {
  const expr = unwrap(node);
  if (ts.isNumericLiteral(expr) || ts.isBigIntLiteral(expr) || ts.isPostfixUnaryExpression(expr)) return true;
  if (ts.isIdentifier(expr)) return facts.isNumericName(expr.text);
  if (ts.isCallExpression(expr)) return isNumericCall(expr, facts);
  if (ts.isPrefixUnaryExpression(expr)) return expr.operator !== ts.SyntaxKind.ExclamationToken;
  if (ts.isConditionalExpression(expr)) {
    return isNumericExpr(expr.whenTrue, facts) && isNumericExpr(expr.whenFalse, facts);
  }
  if (!ts.isBinaryExpression(expr)) return false;
  if (NUMERIC_OPERATORS.has(expr.operatorToken.kind)) return true;
  return (
    expr.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    isNumericExpr(expr.left, facts) &&
    isNumericExpr(expr.right, facts)
  );
}

function declarationOf(id: ts.Identifier): Declaration | undefined {
  const parent = id.parent;
  if (ts.isVariableDeclaration(parent) && parent.name === id) {
    const list = parent.parent;
    if (!ts.isVariableDeclarationList(list) || ts.isForInStatement(list.parent) || ts.isForOfStatement(list.parent)) {
      return { kind: 'other' };
    }
    const kind = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
    return { kind, ...(parent.initializer ? { init: parent.initializer } : {}) };
  }
  if (ts.isFunctionDeclaration(parent) && parent.name === id) return { kind: 'function' };
  if (
    (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) &&
    parent.name === id
  ) {
    return { kind: 'import' };
  }
  if (
    (ts.isBindingElement(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassLike(parent) ||
      ts.isImportEqualsDeclaration(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isModuleDeclaration(parent)) &&
    parent.name === id
  ) {
    return { kind: 'other' };
  }
  return undefined;
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function collectFacts(sourceFile: ts.SourceFile): Facts {
  const declarations = new Map<string, Declaration[]>();
  const writes = new Map<string, Write[]>();
  const playwrightLocals = new Map<string, string>();
  let importsPlaywright = false;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && stringValue(node.moduleSpecifier) === '@playwright/test') {
      importsPlaywright = true;
      const bindings = node.importClause?.isTypeOnly ? undefined : node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (!element.isTypeOnly && PLAYWRIGHT_VALUE_IMPORTS.has(imported)) {
            playwrightLocals.set(element.name.text, imported);
          }
        }
      }
    }
    if (ts.isIdentifier(node)) {
      const declaration = declarationOf(node);
      if (declaration) {
        add(declarations, node.text, declaration);
      } else if (!isNonReference(node)) {
        const write = writeOf(node);
        if (write) add(writes, node.text, write);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (!importsPlaywright) for (const name of PLAYWRIGHT_VALUE_IMPORTS) playwrightLocals.set(name, name);

  const every = (name: string, test: (declaration: Declaration) => boolean) => {
    const found = declarations.get(name);
    return !!found && found.length > 0 && found.every(test);
  };

  // Numeric names: start from every name initialised as a variable, drop those that fail, until stable.
  const numeric = new Set(
    [...declarations.keys()].filter((name) =>
      every(name, (d) => d.kind === 'const' || d.kind === 'let' || d.kind === 'var'),
    ),
  );
  const isPristine = (name: string) => !declarations.has(name) && !writes.has(name);
  const isNumericName = (name: string) => numeric.has(name);
  const numericFacts = { isNumericName, isPristine };
  for (let changed = true; changed;) {
    changed = false;
    for (const name of numeric) {
      const initsOk = every(name, (d) => !!d.init && isNumericExpr(d.init, numericFacts));
      const writesOk = (writes.get(name) ?? []).every(
        (write) =>
          write.kind === 'update' ||
          (write.kind === 'assign' &&
            (!VALUE_PRESERVING.has(write.operator) || isNumericExpr(write.value, numericFacts))),
      );
      if (!initsOk || !writesOk) {
        numeric.delete(name);
        changed = true;
      }
    }
  }

  const constInit = (name: string, test: (init: ts.Expression) => boolean) =>
    every(name, (d) => d.kind === 'const' && !!d.init && test(unwrap(d.init)));
  const importedAs = (name: string) =>
    (declarations.get(name) ?? []).every((d) => d.kind === 'import') ? playwrightLocals.get(name) : undefined;
  // `const test = base.extend({…})` is still Playwright's `test`.
  const playwrightBinding = (name: string) => {
    const imported = importedAs(name);
    if (imported) return imported;
    const extended = every(name, (d) => {
      const init = d.kind === 'const' && d.init ? unwrap(d.init) : undefined;
      const callee = init && ts.isCallExpression(init) ? unwrap(init.expression) : undefined;
      if (!callee || !ts.isPropertyAccessExpression(callee) || callee.name.text !== 'extend') return false;
      const base = unwrap(callee.expression);
      return ts.isIdentifier(base) && importedAs(base.text) === 'test';
    });
    return extended ? 'test' : undefined;
  };

  return {
    isNumericName,
    isPristine,
    constString: (name) => {
      const init = declarations.get(name)?.length === 1 ? declarations.get(name)?.[0]?.init : undefined;
      const value = init && unwrap(init);
      return value && constInit(name, () => true) && stringValue(value) !== undefined
        ? (value as ts.StringLiteralLike)
        : undefined;
    },
    isDataName: (name) =>
      constInit(
        name,
        (init) =>
          ts.isArrayLiteralExpression(init) ||
          (ts.isObjectLiteralExpression(init) && !init.properties.some(ts.isSpreadAssignment)),
      ),
    isDevicesName: (name) =>
      constInit(name, (init) => {
        const root = ts.isElementAccessExpression(init) ? unwrap(init.expression) : undefined;
        return !!root && ts.isIdentifier(root) && playwrightBinding(root.text) === 'devices';
      }),
    isFunctionName: (name) =>
      every(
        name,
        (d) =>
          d.kind === 'function' ||
          (d.kind === 'const' &&
            !!d.init &&
            (ts.isArrowFunction(unwrap(d.init)) || ts.isFunctionExpression(unwrap(d.init)))),
      ),
    playwrightLocals,
    playwrightBinding,
  };
}
