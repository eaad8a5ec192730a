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

  // Server side
  SERVER_INTERNAL_ERROR: { status: 500, message: 'Internal server error.' },
  SERVER_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  SERVER_SHUTTING_DOWN: { status: 503, message: 'The server is shutting down.' },
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
