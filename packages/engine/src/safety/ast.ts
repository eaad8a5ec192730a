import ts from 'typescript';

/** The text of a string literal or a template literal without substitutions. */
export function stringValue(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The expression under any parentheses, `!`, `as`, `satisfies` and `<T>` wrappers. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** A statically known property name (`a`, `'a'`, `1`, `['a']`), or undefined for computed names. */
export function staticName(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const key = unwrap(name.expression);
    return ts.isNumericLiteral(key) ? key.text : stringValue(key);
  }
  return undefined;
}

/** The name of `a.name` or `a['name']`. */
export function accessName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return ts.isElementAccessExpression(node) ? stringValue(unwrap(node.argumentExpression)) : undefined;
}

/** A member that hides which keys an object literal has: a spread, a getter or setter, or a computed key. */
export function hiddenMember(object: ts.ObjectLiteralExpression): ts.ObjectLiteralElementLike | undefined {
  return object.properties.find(
    (property) =>
      ts.isSpreadAssignment(property) ||
      ts.isAccessor(property) ||
      (property.name !== undefined && staticName(property.name) === undefined),
  );
}

/** The property an object-literal member sets, e.g. `path` in `{ path: 'a.png' }` or `{ path }`. */
export function memberValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && staticName(property.name) === key) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

/** Whether an access is called right away (`a.b(…)`, `(a.b)(…)`, `a.b?.(…)`), so `this` and arguments are seen. */
export function isDirectlyCalled(access: ts.Expression): boolean {
  let current: ts.Node = access;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) {
    current = current.parent;
  }
  return ts.isCallExpression(current.parent) && current.parent.expression === current;
}

/** Whether an identifier names a property, label or import/export source rather than a variable. */
export function isNonReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === id) ||
    (ts.isQualifiedName(parent) && parent.right === id) ||
    ((ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isEnumMember(parent)) &&
      parent.name === id) ||
    (ts.isBindingElement(parent) && parent.propertyName === id) ||
    ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === id) ||
    ((ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === id) ||
    ts.isMetaProperty(parent)
  );
}

/** The method name of a call like `a.b.saveAs(…)` or `a?.['saveAs'](…)`. */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee)) return stringValue(callee.argumentExpression);
  if (ts.isIdentifier(callee)) return callee.text;
  return undefined;
}

/** The object a method is called on: `page` in `page.screenshot()`. */
export function calleeReceiver(call: ts.CallExpression): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)
    ? unwrap(callee.expression)
    : undefined;
}

/** The identifier a member chain starts from: `test` in `test.info().project.use`. */
export function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(node);
  for (;;) {
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      current = unwrap(current.expression);
    } else if (ts.isCallExpression(current) || ts.isAwaitExpression(current)) {
      current = unwrap(current.expression);
    } else {
      return ts.isIdentifier(current) ? current : undefined;
    }
  }
}

export type Write =
  | { kind: 'assign'; operator: ts.SyntaxKind; value: ts.Expression }
  | { kind: 'update' }
  | { kind: 'delete' }
  | { kind: 'opaque' };

function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  const kind = ts.isBinaryExpression(node) ? node.operatorToken.kind : undefined;
  return kind !== undefined && kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Whether and how an expression is written to: `x = 1`, `x++`, `delete x.y`, `[x] = arr`, `for (x of …)`. */
export function writeOf(node: ts.Expression): Write | undefined {
  let current: ts.Node = node;
  let inPattern = false;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent)) {
      current = parent;
    } else if (
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      (ts.isShorthandPropertyAssignment(parent) && parent.name === current) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === current)
    ) {
      inPattern = true;
      current = parent;
    } else {
      break;
    }
  }
  const parent = current.parent;
  if (isAssignment(parent) && parent.left === current) {
    // Inside a destructuring pattern, or a default in one (`[x = 1] = arr`): the value is not known.
    if (inPattern || (writeOf(parent)?.kind ?? 'none') === 'opaque') return { kind: 'opaque' };
    return { kind: 'assign', operator: parent.operatorToken.kind, value: parent.right };
  }
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === current) {
    return { kind: 'opaque' };
  }
  if (inPattern) return undefined;
  if (
    (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
    (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return { kind: 'update' };
  }
  if (ts.isDeleteExpression(parent)) return { kind: 'delete' };
  return undefined;
}

/** A short, single-line excerpt of a node for messages. */
export function excerpt(node: ts.Node, sourceFile: ts.SourceFile, max = 40): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
