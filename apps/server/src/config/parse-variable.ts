import type { VariableSpec } from './variables.js';

export type ParsedValue = string | number | boolean | string[] | RateLimit | undefined;

/** A fixed-window limit: at most `max` requests per `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

const WINDOW_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Parses one raw value; returns the value or a sentence saying what is wrong with it. */
export function parseVariable(
  spec: VariableSpec,
  raw: string | undefined,
): { ok: true; value: ParsedValue } | { ok: false; problem: string } {
  const text = raw === undefined || raw.trim() === '' ? spec.default : raw.trim();
  if (text === undefined) return { ok: true, value: undefined };
  switch (spec.kind) {
    case 'string':
      if (spec.minLength !== undefined && text.length < spec.minLength) {
        return { ok: false, problem: `must be at least ${spec.minLength} characters long` };
      }
      return { ok: true, value: text };
    case 'rate': {
      const match = /^(\d+)\s*(?:\/\s*(\d+)\s*([smh]))?$/.exec(text);
      const fallback = spec.default ? /\/(\d+)([smh])$/.exec(spec.default) : null;
      const amount = match?.[2] ?? fallback?.[1];
      const unit = match?.[3] ?? fallback?.[2];
      if (!match || !amount || !unit || Number(match[1]) < 1 || Number(amount) < 1) {
        return { ok: false, problem: `must look like "300/15m" (requests per window in s, m or h), got "${text}"` };
      }
      return { ok: true, value: { max: Number(match[1]), windowMs: Number(amount) * (WINDOW_UNITS[unit] ?? 0) } };
    }
    case 'integer':
    case 'number': {
      const value = Number(text);
      const integral = spec.kind === 'integer';
      if (!Number.isFinite(value) || (integral && !Number.isInteger(value))) {
        return { ok: false, problem: `must be ${integral ? 'an integer' : 'a number'}, got "${text}"` };
      }
      if (spec.min !== undefined && value < spec.min)
        return { ok: false, problem: `must be ≥ ${spec.min}, got ${value}` };
      if (spec.max !== undefined && value > spec.max)
        return { ok: false, problem: `must be ≤ ${spec.max}, got ${value}` };
      return { ok: true, value };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(lower)) return { ok: true, value: false };
      return { ok: false, problem: `must be true or false, got "${text}"` };
    }
    case 'enum':
      if (spec.values?.includes(text)) return { ok: true, value: text };
      return { ok: false, problem: `must be one of ${spec.values?.join(', ')}, got "${text}"` };
    case 'list': {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = items.filter((item) => spec.values && !spec.values.includes(item));
      if (unknown.length > 0) {
        return {
          ok: false,
          problem: `has unknown entries ${unknown.join(', ')} (allowed: ${spec.values?.join(', ')})`,
        };
      }
      if (items.length === 0) return { ok: false, problem: 'must name at least one entry' };
      return { ok: true, value: [...new Set(items)] };
    }
    case 'url': {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return { ok: false, problem: 'is not a valid URL' };
      }
      if (spec.schemes && !spec.schemes.includes(url.protocol)) {
        return { ok: false, problem: `must use ${spec.schemes.join(' or ')} (got ${url.protocol})` };
      }
      return { ok: true, value: text };
    }
  }
}
