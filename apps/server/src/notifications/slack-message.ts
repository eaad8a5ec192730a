import { failedSummary, formatDuration, truncate, type RunDigest } from './run-digest.js';

/**
 * A Slack incoming-webhook body. `text` is what push notifications and screen readers show, so it
 * stands on its own; `blocks` is the message people see in the channel.
 */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type PlainText = { type: 'plain_text'; text: string; emoji: true };
type Mrkdwn = { type: 'mrkdwn'; text: string };

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'section'; fields: Mrkdwn[] }
  | {
      type: 'actions';
      elements: { type: 'button'; action_id: string; text: PlainText; url: string; style: 'primary' }[];
    };

/** Block Kit limits (docs.slack.dev, block reference): exceeding any makes Slack reject the whole message. */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  buttonText: 75,
  buttonUrl: 3000,
} as const;

/** A name longer than this would crowd out the others in the 3000-character section. */
const MAX_NAME_LENGTH = 250;

/**
 * `&`, `<` and `>` are Slack's control characters in mrkdwn (`<url|label>`, `<!channel>`); escaped,
 * a test named "<!channel>" cannot ping everyone or smuggle a link in.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackPayload(d: RunDigest): SlackMessage {
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      // plain_text is not parsed for links or mentions, so it stays unescaped.
      text: {
        type: 'plain_text',
        text: truncate(`🔴 Test Run Failed — ${d.projectName}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    {
      type: 'section',
      fields: [
        field('Passed', String(d.passed)),
        field('Failed', String(d.failed)),
        field('Total', String(d.total)),
        field('Duration', formatDuration(d.durationMs)),
      ],
    },
  ];
  if (d.failingTests.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: failingList(d) } });
  // A link longer than Slack accepts would reject the whole message; the header and counts still help.
  if (d.detailUrl.length <= SLACK_LIMITS.buttonUrl) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'view_run',
          text: { type: 'plain_text', text: 'View Run Details', emoji: true },
          url: d.detailUrl,
          style: 'primary',
        },
      ],
    });
  }
  return {
    text: `🔴 Test run failed — ${escapeSlack(truncate(d.projectName, MAX_NAME_LENGTH))}: ${failedSummary(d)}`,
    blocks,
  };
}

function field(label: string, value: string): Mrkdwn {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${escapeSlack(value)}`, SLACK_LIMITS.fieldText) };
}

/**
 * Whole lines only: cutting the text at 3000 characters could split an `&amp;` and show garbage,
 * so names that do not fit are dropped and counted in the closing line instead.
 */
function failingList(d: RunDigest): string {
  const heading = '*Failing tests*';
  const more = '_(and more…)_';
  const budget = SLACK_LIMITS.sectionText - more.length - 1;
  const lines = [heading];
  let length = heading.length;
  let truncated = d.moreFailing;
  for (const name of d.failingTests) {
    const line = `• ${escapeSlack(truncate(name, MAX_NAME_LENGTH))}`;
    if (length + 1 + line.length > budget) {
      truncated = true;
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  if (truncated) lines.push(more);
  return lines.join('\n');
}
