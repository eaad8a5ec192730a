import { v, type VariableSpec } from './variable-spec.js';

export const SECURITY_VARIABLES = {
  JWT_SECRET: v({
    kind: 'string',
    group: 'Security',
    minLength: 32,
    doc: 'HS256 key for session tokens (≥ 32 characters). Required in production; in development a random one is generated once and kept in DATA_DIR/.jwt-secret.',
  }),
  CREDENTIAL_SECRET: v({
    kind: 'string',
    group: 'Security',
    minLength: 16,
    doc: 'Key material for encrypting stored credentials and AI keys (AES-256-GCM). Default: derived from JWT_SECRET.',
  }),
  SESSION_TTL_SECONDS: v({
    kind: 'integer',
    group: 'Security',
    default: '28800',
    min: 60,
    max: 2592000,
    doc: 'Lifetime of a session token (8 hours by default).',
  }),
  APP_URL: v({
    kind: 'url',
    group: 'Security',
    schemes: ['http:', 'https:'],
    doc: 'Public address of the dashboard, used in e-mailed links. Default: http://localhost:PORT.',
    example: 'https://sentri.example.com',
  }),
  APP_BASE_PATH: v({ kind: 'string', group: 'Security', default: '/', doc: 'Path prefix of the dashboard in links.' }),
  CORS_ORIGIN: v({
    kind: 'list',
    group: 'Security',
    doc: 'Origins allowed to call the API from a browser (comma-separated). Unset: same origin only. `*` is refused in production.',
  }),
  SKIP_EMAIL_VERIFICATION: v({
    kind: 'boolean',
    group: 'Security',
    default: 'false',
    doc: '`true` marks new accounts verified at registration.',
  }),
  ENABLE_DEV_RESET_TOKENS: v({
    kind: 'boolean',
    group: 'Security',
    default: 'false',
    doc: '`true` returns the reset token in the forgot-password response (development only; refused in production).',
  }),
} as const satisfies Record<string, VariableSpec>;

export const MAIL_AND_OAUTH_VARIABLES = {
  SMTP_HOST: v({
    kind: 'string',
    group: 'E-mail',
    doc: 'SMTP server. Unset: e-mails (with their links) are written to the log.',
  }),
  SMTP_PORT: v({ kind: 'integer', group: 'E-mail', default: '587', min: 1, max: 65535, doc: 'SMTP port.' }),
  SMTP_SECURE: v({ kind: 'boolean', group: 'E-mail', default: 'false', doc: '`true` for implicit TLS (port 465).' }),
  SMTP_USER: v({ kind: 'string', group: 'E-mail', doc: 'SMTP user name.' }),
  SMTP_PASS: v({ kind: 'string', group: 'E-mail', doc: 'SMTP password.' }),
  EMAIL_FROM: v({ kind: 'string', group: 'E-mail', default: 'Sentri <noreply@sentri.dev>', doc: 'Sender address.' }),
  GITHUB_CLIENT_ID: v({ kind: 'string', group: 'OAuth', doc: 'GitHub OAuth app client id.' }),
  GITHUB_CLIENT_SECRET: v({ kind: 'string', group: 'OAuth', doc: 'GitHub OAuth app client secret.' }),
  GITHUB_OAUTH_URL: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    default: 'https://github.com',
    doc: 'GitHub web host (consent page at /login/oauth/authorize, code exchange at /login/oauth/access_token); change for GitHub Enterprise.',
  }),
  GITHUB_API_URL: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    default: 'https://api.github.com',
    doc: 'GitHub API host (/user, /user/emails).',
  }),
  GOOGLE_CLIENT_ID: v({ kind: 'string', group: 'OAuth', doc: 'Google OAuth client id.' }),
  GOOGLE_CLIENT_SECRET: v({ kind: 'string', group: 'OAuth', doc: 'Google OAuth client secret.' }),
  GOOGLE_REDIRECT_URI: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    doc: 'Redirect URI sent in the Google code exchange. Default: APP_URL/login?provider=google.',
  }),
  GOOGLE_AUTHORIZE_URL: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    default: 'https://accounts.google.com/o/oauth2/v2/auth',
    doc: 'Google consent page the dashboard sends users to.',
  }),
  GOOGLE_TOKEN_URL: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    default: 'https://oauth2.googleapis.com/token',
    doc: 'Google token endpoint.',
  }),
  GOOGLE_USERINFO_URL: v({
    kind: 'url',
    group: 'OAuth',
    schemes: ['http:', 'https:'],
    default: 'https://www.googleapis.com/oauth2/v3/userinfo',
    doc: 'Google user-info endpoint.',
  }),
} as const satisfies Record<string, VariableSpec>;

const rate = (value: string, doc: string) => v({ kind: 'rate', group: 'Rate limits', default: value, doc });

/** Per client address, fixed windows. Raise them behind a busy NAT, for load tests or benchmarks. */
export const RATE_LIMIT_VARIABLES = {
  RATE_LIMIT_GENERAL: rate('300/15m', 'Every /api request.'),
  RATE_LIMIT_LOGIN: rate('10/15m', 'Sign-in attempts.'),
  RATE_LIMIT_FORGOT: rate('5/15m', 'Forgot-password and resend-verification requests (one bucket).'),
  RATE_LIMIT_RESET: rate('5/15m', 'Password resets.'),
  RATE_LIMIT_EXPENSIVE: rate('20/1h', 'Crawls, runs, recordings and CI triggers (one bucket).'),
  RATE_LIMIT_AI: rate('30/1h', 'AI test generation.'),
} as const satisfies Record<string, VariableSpec>;
