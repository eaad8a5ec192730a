import { describe, expect, it } from 'vitest';
import { sampleDigest } from '../../test/support/digests.js';
import { teamsPayload } from './teams-card.js';

const digest = (failedTestNames: string[], failed = failedTestNames.length) =>
  sampleDigest(failedTestNames, { failed });

describe('teamsPayload', () => {
  it('is a message with one Adaptive Card 1.4 attachment', () => {
    const payload = teamsPayload(digest(['Checkout works']));
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const [attachment] = payload.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.contentUrl).toBeNull();
    expect(attachment.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
    });
    // What Teams receives must survive JSON (no undefined holes, no functions).
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('shows a bold red title, the facts, the failing tests and a link to the run', () => {
    const card = teamsPayload(digest(['Checkout works', 'Login works'])).attachments[0].content;
    expect(card.body[0]).toEqual({
      type: 'TextBlock',
      text: '🔴 Test Run Failed — Shop',
      weight: 'Bolder',
      size: 'Large',
      color: 'Attention',
      wrap: true,
    });
    expect(card.body[1]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Run', value: 'RUN-7' },
        { title: 'Passed', value: '3' },
        { title: 'Failed', value: '2' },
        { title: 'Total', value: '5' },
        { title: 'Duration', value: '3m 5s' },
      ],
    });
    const texts = card.body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    expect(texts).toEqual(['🔴 Test Run Failed — Shop', 'Failing tests', '• Checkout works', '• Login works']);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'View Run Details', url: 'https://qa.example.com/runs/RUN-7' },
    ]);
  });

  it('ends the list with "(and more…)" when more than ten tests failed', () => {
    const names = Array.from({ length: 12 }, (_, index) => `Test ${index + 1}`);
    const card = teamsPayload(digest(names)).attachments[0].content;
    const texts = card.body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    expect(texts.filter((text) => text.startsWith('• '))).toHaveLength(10);
    expect(texts.at(-1)).toBe('(and more…)');
    expect(JSON.stringify(teamsPayload(digest(['only one'])))).not.toContain('and more');
  });
});
