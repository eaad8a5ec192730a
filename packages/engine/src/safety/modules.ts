import ts from 'typescript';
import { stringValue } from './ast.js';
import type { Report } from './facts.js';
import { PLAYWRIGHT_VALUE_IMPORTS } from './names.js';

const ALLOWED = 'only @playwright/test and @sentri/runtime may be imported';

/** `@sentri/runtime`, or the runtime as the exporter ships it next to the specs (`../sentri-runtime/index`). */
function isAllowedModule(specifier: string): boolean {
  return (
    specifier === '@playwright/test' ||
    specifier === '@sentri/runtime' ||
    /^(?:\.{1,2}\/)+sentri-runtime\/index(?:\.js)?$/.test(specifier)
  );
}

/** Checks `import`, `import x = …` and `export … from`; returns false when the node needs no further walk. */
export function checkModuleSyntax(node: ts.Node, report: Report): boolean {
  if (ts.isImportEqualsDeclaration(node)) {
    const external = ts.isExternalModuleReference(node.moduleReference);
    report(node, 'import', `${external ? 'import … = require()' : 'import … = alias'} is not allowed in test code`);
    return false;
  }
  if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
    report(node, 'import', `export … from is not allowed in test code`);
    return false;
  }
  if (!ts.isImportDeclaration(node)) return true;

  const specifier = stringValue(node.moduleSpecifier);
  if (specifier === undefined || !isAllowedModule(specifier)) {
    report(node, 'import', `import of "${specifier ?? '?'}" is not allowed in test code; ${ALLOWED}`);
    return false;
  }
  const clause = node.importClause;
  if (specifier !== '@playwright/test' || !clause || clause.isTypeOnly) return false;
  if (clause.name) {
    report(clause.name, 'import', `a default import from @playwright/test is not allowed; use import { test, expect }`);
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    report(bindings, 'import', `import * from @playwright/test is not allowed; use import { test, expect }`);
  } else if (bindings) {
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (element.isTypeOnly || PLAYWRIGHT_VALUE_IMPORTS.has(imported)) continue;
      report(
        element,
        'import',
        `importing ${imported} from @playwright/test is not allowed in test code; ` +
          `only test, expect, devices and types may be imported (use the page, context, request and browser fixtures)`,
      );
    }
  }
  return false;
}
