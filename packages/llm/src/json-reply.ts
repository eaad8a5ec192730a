import type { z } from 'zod';

export type JsonReplyResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const FENCED_BLOCK = /```(?:json)?\s*([\s\S]*?)```/i;

/** Candidate JSON texts, from the reply as-is to the outermost object or array inside chatter. */
function jsonCandidates(text: string): string[] {
  const candidates = [text.trim()];
  const fenced = FENCED_BLOCK.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const start = text.search(/[{[]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  return candidates;
}

function parseFirstJson(text: string): { ok: true; value: unknown } | { ok: false } {
  for (const candidate of jsonCandidates(text)) {
    try {
      return { ok: true, value: JSON.parse(candidate) as unknown };
    } catch {
      // Try the next, narrower candidate.
    }
  }
  return { ok: false };
}

/**
 * Reads a model's reply as JSON matching `schema`. Models without a native JSON mode often wrap
 * the object in a Markdown fence or a sentence, so those wrappers are tolerated; nothing else is.
 */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): JsonReplyResult<T> {
  const parsed = parseFirstJson(text);
  if (!parsed.ok) return { ok: false, reason: 'the reply is not JSON' };
  const checked = schema.safeParse(parsed.value);
  if (checked.success) return { ok: true, value: checked.data };
  const issues = checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { ok: false, reason: `the reply does not match the expected shape (${issues.slice(0, 5).join('; ')})` };
}
