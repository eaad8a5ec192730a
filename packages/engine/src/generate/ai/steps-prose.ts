/**
 * Models sometimes answer the "steps" field with code lines. Reviewers read steps, so when most of
 * them are code they are rewritten as short sentences (ENGINE.md §2.6).
 */

const CODE_LINE = /^(?:await\b|page\.|expect\(|const\b|let\b|import\b|test\(|\/\/|\}\)?;?$)/;
const MAX_STEP_CHARS = 80;

export const looksLikeCode = (step: string) => CODE_LINE.test(step.trim());

const literals = (line: string) =>
  [...line.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)].map((match) => (match[2] ?? '').replace(/\\(.)/g, '$1'));

/** The human name inside a selector: `role=button[name="Add"]` → Add, `label=Email` → Email. */
function nameInSelector(selector: string): string {
  const named = /\[name=(["'])(.*?)\1/.exec(selector);
  if (named?.[2]) return named[2];
  const engine = /^(?:text|label|placeholder|data-testid|alt|title)=(["']?)(.*)\1$/.exec(selector.trim());
  return engine?.[2] ?? selector;
}

/** What a line of code acts on: an options `name`, else its first string literal read as a selector. */
function targetOf(line: string, values: string[]): string {
  const option = /name:\s*(['"`])(.*?)\1/.exec(line);
  if (option?.[2]) return option[2];
  return nameInSelector(values[0] ?? 'the element');
}

const cap = (text: string) => (text.length > MAX_STEP_CHARS ? `${text.slice(0, MAX_STEP_CHARS - 1)}…` : text);

/** Code words de-camelCased and lower-cased; string literals kept as written, in double quotes. */
function deCamel(line: string): string {
  const words = line
    .replace(/^await\s+/, '')
    .replace(/\b(?:page|sentri)\./g, '')
    .split(/((['"`])(?:\\.|(?!\2).)*\2)/)
    .map((part, index) => {
      if (index % 3 === 2) return '';
      if (index % 3 === 1) return ` "${part.slice(1, -1)}" `;
      return part
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/[^\w\s/]+/g, ' ')
        .toLowerCase();
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : '';
}

/** One code line as a sentence; '' for lines that carry no step (imports, wrappers, braces). */
export function codeLineToProse(raw: string): string {
  const line = raw.trim();
  if (!line || /^(?:import\b|test\(|\}\)?;?$)/.test(line) || /require\(/.test(line)) return '';
  const comment = /^\/\/\s*(?:Step\s+\d+\s*:\s*)?(.*)$/i.exec(line);
  if (comment) return cap(comment[1]?.trim() ?? '');
  const values = literals(line);
  if (/\.goto\(|sentri\.navigate\(/.test(line)) return cap(`Navigate to ${values[0] ?? 'the page'}`);
  if (/waitForLoadState\(/.test(line)) return 'Wait for page to load';
  if (/\.fill\(|\.type\(|pressSequentially\(/.test(line)) {
    const value = values.length > 1 ? values[values.length - 1] : (values[0] ?? '');
    return cap(`Enter "${value}" into ${targetOf(line, values.length > 1 ? values : [])}`);
  }
  if (/\.click\(|sentri\.click\(/.test(line)) return cap(`Click "${targetOf(line, values)}"`);
  if (/expectVisible\(/.test(line)) {
    const text = values.length > 1 ? values[values.length - 1] : undefined;
    return cap(text ? `Verify "${text}" is shown` : `Verify ${targetOf(line, values)} is visible`);
  }
  if (/\.toBeVisible\(/.test(line)) return cap(`Verify ${targetOf(line, values)} is visible`);
  if (/\.toHaveURL\(/.test(line)) {
    const pattern = /toHaveURL\(\s*([^)]*)\)/.exec(line)?.[1]?.trim();
    return cap(`Verify the URL matches ${pattern || 'the expected address'}`);
  }
  if (/\.(?:toContainText|toHaveText)\(/.test(line)) {
    return cap(`Verify the page shows "${values[values.length - 1] ?? ''}"`);
  }
  return cap(deCamel(line));
}

/** The steps as given, or rewritten as prose when more than half of them are code. */
export function sanitiseSteps(steps: string[]): string[] {
  const kept = steps.map((step) => step.trim()).filter(Boolean);
  const codeLines = kept.filter(looksLikeCode).length;
  if (codeLines * 2 <= kept.length) return kept;
  return kept.map(codeLineToProse).filter(Boolean);
}
