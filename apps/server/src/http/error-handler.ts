import { AppError, ERROR_CODES, type ErrorCode } from '@sentri/core';
import { isDatabaseUnavailable } from '@sentri/db';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';

/** Fastify's own client errors, by their FST_ code, mapped onto ours. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_MALFORMED_BODY',
  FST_ERR_CTP_INVALID_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'REQUEST_MALFORMED_URL',
  FST_ERR_ASYNC_CONSTRAINT: 'REQUEST_VALIDATION_FAILED',
};

/**
 * Turns every failure into `{ error, code }` with the right status. Client mistakes keep their
 * 4xx; anything else is a 500 with a generic message, and the stack goes to the log only.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    // Temporarily unavailable (the database locked or out of reach): worth a retry in a moment.
    if (appError.code === 'SERVER_UNAVAILABLE') void reply.header('retry-after', '5');
    if (appError.status >= 500) {
      request.log.error({ err: error, reqId: request.id }, 'request failed');
    } else if (appError.status !== 401 && appError.status !== 404) {
      request.log.info({ code: appError.code, reqId: request.id }, appError.message);
    }
    return sendError(reply, appError);
  });
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send(error.toBody());
}

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return validationError(fastifyError.validation, fastifyError.validationContext);
  const mapped = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, undefined, undefined, { cause: error });
  if (isDatabaseUnavailable(error)) return new AppError('SERVER_UNAVAILABLE', undefined, undefined, { cause: error });
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // A 4xx from a plugin we have not mapped: keep its status class and its client-safe message.
    const code = (Object.keys(ERROR_CODES) as ErrorCode[]).find((key) => ERROR_CODES[key].status === status);
    return new AppError(code ?? 'REQUEST_REJECTED', fastifyError.message, undefined, { cause: error });
  }
  return new AppError('SERVER_INTERNAL_ERROR', undefined, undefined, { cause: error });
}

/** A 400 that names the offending field, e.g. `body.url: must be a string`. */
function validationError(issues: FastifySchemaValidationError[], context: string | undefined): AppError {
  const first = issues[0];
  const part = context ?? 'body';
  if (!first) return new AppError('REQUEST_VALIDATION_FAILED');
  const params = (first.params ?? {}) as Record<string, unknown>;
  const base = first.instancePath.split('/').filter(Boolean);
  const missing = Array.isArray(params.requiredProperties) ? (params.requiredProperties as string[])[0] : undefined;
  const additional = Array.isArray(params.additionalProperties)
    ? (params.additionalProperties as string[])[0]
    : undefined;
  const leaf =
    missing ?? additional ?? (typeof params.missingProperty === 'string' ? params.missingProperty : undefined);
  const field = [part, ...base, ...(leaf ? [leaf] : [])].join('.');
  const reason = missing ? 'is required' : additional ? 'is not an accepted field' : (first.message ?? 'is invalid');
  return new AppError('REQUEST_VALIDATION_FAILED', `${field} ${reason}`, { field });
}
