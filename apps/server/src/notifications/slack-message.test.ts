import { describe, expect, it } from 'vitest';
import { sampleDigest } from '../../test/support/digests.js';
import { escapeSlack, SLACK_LIMITS, slackPayload, type SlackBlock } from './slack-message.js';

const digest = (projectName: string, failedTestNames: string[], failed = failedTestNames.length) =>
  sampleDigest(failedTestNames, { projectName, failed, duration: 42_000 });

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) => (block.type === 'section' && 'text' in block ? [block.text.text] : []));

describe('slackPayload', () => {
  it('has a notification text and header, counts, failing tests and a button', () => {
    const payload = slackPayload(digest('Shop', ['Checkout works', 'Login works']));
    expect(payload.text).toBe('🔴 Test run failed — Shop: 2 of 5 tests failed');
    expect(payload.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '🔴 Test Run Failed — Shop', emoji: true } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Passed*\n3' },
          { type: 'mrkdwn', text: '*Failed*\n2' },
          { type: 'mrkdwn', text: '*Total*\n5' },
          { type: 'mrkdwn', text: '*Duration*\n42s' },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*Failing tests*\n• Checkout works\n• Login works' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'view_run',
            text: { type: 'plain_text', text: 'View Run Details', emoji: true },
            url: 'https://qa.example.com/runs/RUN-7',
            style: 'primary',
          },
        ],
      },
    ]);
  });

  it('escapes &, < and > so names cannot ping the channel or inject links', () => {
    expect(escapeSlack('a & b <c> d')).toBe('a &amp; b &lt;c&gt; d');
    const payload = slackPayload(digest('<!channel> & Co', ['<https://evil.example|click me>']));
    expect(payload.text).toContain('&lt;!channel&gt; &amp; Co');
    expect(sectionTexts(payload.blocks)[0]).toBe('*Failing tests*\n• &lt;https://evil.example|click me&gt;');
    expect(JSON.stringify(payload.blocks.slice(1))).not.toMatch(/<!channel>|<https:/);
  });

  it('stays inside the Block Kit limits with very long names', () => {
    const long = 'x&'.repeat(2000);
    const names = Array.from({ length: 12 }, () => long);
    const payload = slackPayload(digest(`Project ${'p'.repeat(300)}`, names));
    const header = payload.blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    const [list] = sectionTexts(payload.blocks);
    expect(list!.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(list).toMatch(/_\(and more…\)_$/);
    // Escapes are never cut in half.
    expect(list).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('ends the list with "(and more…)" when more than ten tests failed', () => {
    const names = Array.from({ length: 11 }, (_, index) => `Test ${index + 1}`);
    const [list] = sectionTexts(slackPayload(digest('Shop', names)).blocks);
    expect(list!.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(10);
    expect(list!.endsWith('_(and more…)_')).toBe(true);
  });
});
