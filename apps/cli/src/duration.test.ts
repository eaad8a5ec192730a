import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['120', 120_000],
    ['1.5m', 90_000],
    ['500ms', 500],
    [' 2S ', 2000],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'abc', '0', '0s', '-5s', '10x', '1h30m', '5 minutes', 's'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0.0 s'],
    [1234, '1.2 s'],
    [34_000, '34 s'],
    [60_000, '1 m'],
    [185_000, '3 m 5 s'],
    [3_600_000, '1 h'],
    [3_725_000, '1 h 2 m'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
