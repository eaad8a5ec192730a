/** The channels a project's failure notifications can go to, in the order the dashboard shows them. */
export const CHANNEL_FIELDS = [
  {
    field: 'teamsWebhookUrl',
    label: 'Microsoft Teams webhook URL',
    placeholder: 'https://….webhook.office.com/…',
    description: 'An incoming webhook (or Workflows) URL of the Teams channel.',
  },
  {
    field: 'slackWebhookUrl',
    label: 'Slack webhook URL',
    placeholder: 'https://hooks.slack.com/services/…',
    description: 'An incoming webhook of a Slack app.',
  },
  {
    field: 'webhookUrl',
    label: 'Generic webhook URL',
    placeholder: 'https://example.com/hooks/sentri',
    description: 'Receives a JSON POST describing the run.',
  },
  {
    field: 'emailRecipients',
    label: 'E-mail recipients',
    placeholder: 'qa@example.com, lead@example.com',
    description: 'Comma-separated addresses; each gets its own e-mail.',
  },
] as const;

export type ChannelField = (typeof CHANNEL_FIELDS)[number]['field'];

/** How a delivery's `channel` reads in a table. */
export const CHANNEL_NAMES: Record<string, string> = {
  teams: 'Teams',
  slack: 'Slack',
  email: 'E-mail',
  webhook: 'Webhook',
  callback: 'CI callback',
};
