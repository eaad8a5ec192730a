/**
 * The one error model. Every failure a client can see has a code in this table; the HTTP layer
 * turns an AppError into `{ error, code }` with the table's status. Services throw AppError and
 * never know about HTTP.
 */
export const ERROR_CODES = {
  // Request shape
  REQUEST_VALIDATION_FAILED: { status: 400, message: 'The request is invalid.' },
  REQUEST_REJECTED: { status: 400, message: 'The request was rejected.' },
  REQUEST_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  REQUEST_MALFORMED_BODY: { status: 400, message: 'The request body could not be read.' },
  REQUEST_MALFORMED_URL: { status: 400, message: 'The request URL is malformed.' },
  REQUEST_BODY_TOO_LARGE: { status: 413, message: 'The request body exceeds the size limit.' },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The request body must be sent as application/json.',
  },
  REQUEST_ROUTE_NOT_FOUND: { status: 404, message: 'Not found.' },
  REQUEST_METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  REQUEST_URI_TOO_LONG: { status: 414, message: 'The request URL is too long.' },
  REQUEST_HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  REQUEST_RATE_LIMITED: { status: 429, message: 'Too many requests, please try again later.' },

  // Authentication and access
  AUTH_REQUIRED: { status: 401, message: 'Authentication required.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Invalid email or password.' },
  AUTH_CREDENTIALS_MALFORMED: { status: 400, message: 'Invalid email or password.' },
  // Kept without an area prefix: clients of the original API match on this exact code.
  EMAIL_NOT_VERIFIED: { status: 403, message: 'Please verify your email address before signing in.' },
  AUTH_CSRF_MISMATCH: { status: 403, message: 'CSRF token missing or invalid. Please refresh the page.' },
  AUTH_NO_WORKSPACE: {
    status: 403,
    message: 'You are not a member of any workspace. Please contact your administrator.',
  },
  AUTH_ROLE_REQUIRED: { status: 403, message: 'Your role does not allow this action.' },
  AUTH_EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  AUTH_TOKEN_INVALID: { status: 400, message: 'This link is invalid or has expired. Please request a new one.' },
  AUTH_PASSWORD_CONFIRMATION_REQUIRED: { status: 400, message: 'Password confirmation is required.' },
  AUTH_PASSWORD_CONFIRMATION_FAILED: { status: 403, message: 'Password confirmation failed.' },
  AUTH_OAUTH_NOT_CONFIGURED: { status: 503, message: 'OAuth is not configured on this server.' },
  AUTH_OAUTH_FAILED: { status: 401, message: 'OAuth sign-in failed.' },
  USER_NOT_FOUND: { status: 404, message: 'User not found.' },

  // Workspaces
  WORKSPACE_NOT_FOUND: { status: 404, message: 'Workspace not found.' },
  WORKSPACE_NOT_MEMBER: { status: 403, message: 'You are not a member of that workspace.' },
  WORKSPACE_SLUG_TAKEN: { status: 409, message: 'This slug is already taken.' },
  WORKSPACE_LAST_ADMIN: { status: 400, message: 'Cannot remove the last admin. Promote another member first.' },
  WORKSPACE_MEMBER_NOT_FOUND: { status: 404, message: 'Member not found in this workspace.' },
  WORKSPACE_MEMBER_EXISTS: { status: 409, message: 'User is already a member of this workspace.' },
  WORKSPACE_USER_UNKNOWN: { status: 404, message: 'No user found with that email. They must register first.' },

  // Projects
  PROJECT_NOT_FOUND: { status: 404, message: 'not found' },
  PROJECT_RUN_ACTIVE: {
    status: 409,
    message: 'Cannot delete project while operations are running. Wait for active crawls or test runs to complete.',
  },

  // Tests
  TEST_NOT_FOUND: { status: 404, message: 'not found' },

  TEST_CODE_REFUSED: { status: 400, message: 'The test code uses something tests may not use.' },

  // Runs
  RUN_NOT_FOUND: { status: 404, message: 'not found' },
  RUN_ALREADY_ACTIVE: {
    status: 409,
    message: 'A run is already in progress. Please wait for it to finish or abort it first.',
  },
  RUN_NOT_ACTIVE: { status: 409, message: 'Run is not in progress' },
  RUN_NO_TESTS: { status: 400, message: 'no tests found, crawl first' },
  RUN_NO_APPROVED_TESTS: {
    status: 400,
    message: 'no approved tests — review generated tests and approve them before running regression',
  },
  RUN_BROWSER_UNAVAILABLE: { status: 400, message: 'That browser is not installed on this server.' },
  URL_REFUSED: { status: 400, message: 'That URL may not be reached from this server.' },
  AI_PROVIDER_NOT_CONFIGURED: {
    status: 503,
    message: 'No AI provider configured. Add an API key in Settings to use AI test generation.',
  },
  AI_PROVIDER_KEY_MISSING: {
    status: 409,
    message: 'No saved key for this provider. Add a key in Settings first.',
  },
  ARTIFACT_NOT_FOUND: { status: 404, message: 'artifact not found' },

  // URL reachability check (POST /test-connection); the messages are the original API's.
  CONNECTION_URL_REQUIRED: { status: 400, message: 'url is required' },
  CONNECTION_URL_INVALID: { status: 400, message: 'Invalid URL format' },
  CONNECTION_URL_PROTOCOL: { status: 400, message: 'URL must use http or https protocol' },
  CONNECTION_URL_PRIVATE: {
    status: 400,
    message: 'URL must not point to localhost, private, or internal addresses',
  },
  UPSTREAM_UNREACHABLE: { status: 502, message: 'The URL could not be reached.' },

  // Schedules, notifications, CI triggers
  SCHEDULE_CRON_REQUIRED: { status: 400, message: 'cronExpr is required' },
  SCHEDULE_CRON_INVALID: { status: 400, message: 'Invalid cron expression.' },
  SCHEDULE_CRON_NOT_FIVE_FIELDS: {
    status: 400,
    message: 'cronExpr must be a standard 5-field expression (minute hour dom month dow)',
  },
  SCHEDULE_TIMEZONE_INVALID: { status: 400, message: 'Invalid timezone.' },
  SCHEDULE_NOT_FOUND: { status: 404, message: 'No schedule found for this project' },
  NOTIFICATIONS_NO_CHANNEL: {
    status: 400,
    message:
      'At least one notification channel must be configured (teamsWebhookUrl, slackWebhookUrl, emailRecipients, or webhookUrl)',
  },
  NOTIFICATIONS_EMAIL_INVALID: { status: 400, message: 'Invalid email address.' },
  NOTIFICATIONS_NOT_FOUND: { status: 404, message: 'No notification settings found for this project' },
  TRIGGER_AUTH_REQUIRED: { status: 401, message: 'Authorization: Bearer <token> header required.' },
  TRIGGER_TOKEN_EMPTY: { status: 401, message: 'Empty token.' },
  TRIGGER_TOKEN_INVALID: { status: 401, message: 'Invalid trigger token.' },
  TRIGGER_TOKEN_FORBIDDEN: { status: 403, message: 'Token does not belong to this project.' },
  TRIGGER_TOKEN_NOT_FOUND: { status: 404, message: 'token not found' },
  TRIGGER_CALLBACK_TOO_LONG: { status: 400, message: 'callbackUrl exceeds maximum length (2048 characters).' },

  // Recycle bin
  BIN_ITEM_NOT_FOUND: { status: 404, message: 'not found in recycle bin' },
  BIN_PARENT_DELETED: { status: 409, message: 'Parent project is deleted — restore the project first' },

  // Server side
  SERVER_INTERNAL_ERROR: { status: 500, message: 'Internal server error.' },
  SERVER_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  SERVER_SHUTTING_DOWN: { status: 503, message: 'The server is shutting down.' },
  SERVER_STORAGE_FULL: { status: 507, message: 'The server is out of space for evidence files.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Extra machine-readable fields some errors carry next to `error` and `code`. */
export type ErrorDetails = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails, options?: ErrorOptions) {
    super(message ?? ERROR_CODES[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }

  /** The JSON body a client receives. */
  toBody(): ErrorBody {
    return { ...this.details, error: this.message, code: this.code };
  }
}

export interface ErrorBody {
  error: string;
  code: string;
  [extra: string]: unknown;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
