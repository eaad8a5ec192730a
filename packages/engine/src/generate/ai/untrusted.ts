import { sanitisePromptText } from '../dials.js';

/**
 * Everything read from the crawled site (titles, headings, labels, visible text, even locators,
 * which embed accessible names) is untrusted: a page can say "ignore previous instructions". It
 * only ever reaches a prompt through these helpers: cleaned of role markers and fences, flattened
 * to one line, cut short, and placed inside a delimited data block the system prompt declares to
 * be data. The delimiters use `<<<`/`>>>`, which cleaned text can never contain.
 */

export const MAX_FIELD_CHARS = 200;
export const MAX_PROMPT_CHARS = 24_000;

export const DATA_BEGIN = '<<<BEGIN';
export const DATA_END = '<<<END';

/** One untrusted string, safe to place inside a data block. */
export function clean(text: string, max = MAX_FIELD_CHARS): string {
  const flat = sanitisePromptText(text).replace(/<{3,}/g, '<<').replace(/>{3,}/g, '>>').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** A cleaned string as a JSON string literal, so its boundaries are unambiguous. */
export const quoted = (text: string, max = MAX_FIELD_CHARS) => JSON.stringify(clean(text, max));

/**
 * A verified locator as the model must copy it. Too long to keep whole means unusable: a cut
 * locator would match nothing, so it is left out.
 */
export function usableLocator(locator: string | null | undefined): string | null {
  if (!locator) return null;
  const cleaned = clean(locator, Number.MAX_SAFE_INTEGER);
  return cleaned.length <= MAX_FIELD_CHARS && cleaned === locator.trim() ? cleaned : null;
}

export interface DataBlock {
  label: string;
  lines: string[];
}

const render = (block: DataBlock, truncated: boolean) =>
  [
    `${DATA_BEGIN} ${block.label}>>>`,
    ...block.lines,
    ...(truncated ? ['(further entries left out for length)'] : []),
    `${DATA_END} ${block.label}>>>`,
  ].join('\n');

/**
 * Joins instructions and data blocks into one prompt of at most `max` characters. Only data is
 * shortened (trailing entries of the longest block first), so the rules and the reply format that
 * follow the data always arrive whole.
 */
export function composePrompt(parts: (string | DataBlock)[], max = MAX_PROMPT_CHARS): string {
  const blocks = parts.map((part) => (typeof part === 'string' ? part : { ...part, lines: [...part.lines] }));
  const truncated = new Set<DataBlock>();
  const text = () =>
    blocks.map((part) => (typeof part === 'string' ? part : render(part, truncated.has(part)))).join('\n\n');
  let prompt = text();
  while (prompt.length > max) {
    const longest = blocks
      .filter((part): part is DataBlock => typeof part !== 'string' && part.lines.length > 0)
      .sort((a, b) => b.lines.length - a.lines.length)[0];
    if (!longest) return prompt.slice(0, max);
    longest.lines.pop();
    truncated.add(longest);
    prompt = text();
  }
  return prompt;
}
