/** SQLite: another connection holds the lock past the busy timeout. */
const SQLITE_LOCKED = /^SQLITE_(?:BUSY|LOCKED)(?:_|$)/;
/**
 * PostgreSQL SQLSTATEs of a server that cannot serve right now: connection exceptions (class 08),
 * a backend terminated by an administrator or a crash (57P01, 57P02), a server starting up or
 * shutting down (57P03), too many connections (53300).
 */
const POSTGRES_UNAVAILABLE = /^(?:08...|57P0[123]|53300)$/;
/** Socket errors of the PostgreSQL client reaching its server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** What `pg` and `pg-pool` say when the connection dropped or could not be had in time. */
const PG_CLIENT_MESSAGES =
  /^(?:Connection terminated(?: unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

/**
 * Whether a query failed because the database could not serve it at that moment — locked by
 * another process, refused, dropped or terminated — rather than because of the query itself.
 * Such a failure is temporary and says nothing about the request: the HTTP layer answers 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as Error & { code?: unknown; syscall?: unknown };
  if (typeof code === 'string') {
    if (error.name === 'SqliteError') return SQLITE_LOCKED.test(code);
    if ('severity' in error && POSTGRES_UNAVAILABLE.test(code)) return true;
    // A bare socket error reaches a request only from the database pool: outbound HTTP wraps its own.
    if (SOCKET_CODES.has(code) && (syscall === 'connect' || syscall === 'read' || syscall === 'write')) return true;
  }
  return PG_CLIENT_MESSAGES.test(error.message);
}
