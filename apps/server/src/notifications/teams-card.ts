import { formatDuration, truncate, type RunDigest } from './run-digest.js';

/**
 * The body Teams expects from an incoming webhook or a Workflows "when a Teams webhook request is
 * received" trigger: a message activity whose single attachment is an Adaptive Card.
 */
export interface TeamsMessage {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: AdaptiveCard;
    },
  ];
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  msteams: { width: 'Full' };
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      size?: 'Large' | 'Medium';
      color?: 'Attention';
      isSubtle?: boolean;
      spacing?: 'None' | 'Medium';
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

/** Long names would push the button off screen; the run page has them in full. */
const MAX_NAME_LENGTH = 200;

export function teamsPayload(d: RunDigest): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          // Without it Teams renders the card in a narrow bubble and the fact values wrap badly.
          msteams: { width: 'Full' },
          body: [
            {
              type: 'TextBlock',
              text: `🔴 Test Run Failed — ${truncate(d.projectName, MAX_NAME_LENGTH)}`,
              weight: 'Bolder',
              size: 'Large',
              color: 'Attention',
              wrap: true,
            },
            {
              type: 'FactSet',
              facts: [
                { title: 'Run', value: d.runId },
                { title: 'Passed', value: String(d.passed) },
                { title: 'Failed', value: String(d.failed) },
                { title: 'Total', value: String(d.total) },
                { title: 'Duration', value: formatDuration(d.durationMs) },
              ],
            },
            ...failingTestBlocks(d),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'View Run Details', url: d.detailUrl }],
        },
      },
    ],
  };
}

function failingTestBlocks(d: RunDigest): CardElement[] {
  if (d.failingTests.length === 0) return [];
  return [
    { type: 'TextBlock', text: 'Failing tests', weight: 'Bolder', spacing: 'Medium', wrap: true },
    // One block per test rather than a markdown list: a name that starts with "-" or "1." cannot
    // turn into list syntax, and Teams' list rendering differs between clients.
    ...d.failingTests.map((name): CardElement => ({
      type: 'TextBlock',
      text: `• ${truncate(name, MAX_NAME_LENGTH)}`,
      spacing: 'None',
      wrap: true,
    })),
    ...(d.moreFailing
      ? [{ type: 'TextBlock', text: '(and more…)', isSubtle: true, spacing: 'None', wrap: true } as const]
      : []),
  ];
}
