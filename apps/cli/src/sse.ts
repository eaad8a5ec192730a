/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The `event:` name, `message` when there was none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The stream's last event id when this event was dispatched ('' if none yet). */
  id: string;
}

/**
 * An incremental parser for `text/event-stream`, following the WHATWG algorithm: lines end in
 * `\r\n`, `\n` or `\r`; `:` starts a comment; several `data:` lines join with `\n`; a blank
 * line dispatches. Text may arrive split anywhere, even between the `\r` and `\n` of one line
 * ending, so everything that is not a complete line waits for the next chunk.
 */
export class SseParser {
  /** Persists across events, as in the spec: a reconnect sends it as `Last-Event-ID`. */
  lastEventId = '';
  private buffer = '';
  private skipLeadingLf = false;
  private sawFirstChunk = false;
  private eventName = '';
  private dataLines: string[] = [];

  /** Feeds decoded text; returns the events completed by it, in order. */
  push(text: string): SseEvent[] {
    if (!this.sawFirstChunk && text.length > 0) {
      this.sawFirstChunk = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (this.skipLeadingLf && text.length > 0) {
      if (text.startsWith('\n')) text = text.slice(1);
      this.skipLeadingLf = false;
    }
    this.buffer += text;

    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const end = this.nextLineEnd(start);
      if (end < 0) break;
      const line = this.buffer.slice(start, end);
      if (this.buffer[end] === '\r') {
        if (end + 1 < this.buffer.length) start = this.buffer[end + 1] === '\n' ? end + 2 : end + 1;
        else {
          // The `\n` of a `\r\n` may be the first character of the next chunk.
          this.skipLeadingLf = true;
          start = end + 1;
        }
      } else {
        start = end + 1;
      }
      const event = this.processLine(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private nextLineEnd(from: number): number {
    const lf = this.buffer.indexOf('\n', from);
    const cr = this.buffer.indexOf('\r', from);
    if (lf < 0) return cr;
    if (cr < 0) return lf;
    return Math.min(lf, cr);
  }

  private processLine(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      default:
        // `retry:` and unknown fields: our reconnect timing is our own, so they are ignored.
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const hasData = this.dataLines.length > 0;
    const event = { event: this.eventName || 'message', data: this.dataLines.join('\n'), id: this.lastEventId };
    this.eventName = '';
    this.dataLines = [];
    return hasData ? event : null;
  }
}

/**
 * Reads a response body until it ends, `onEvent` returns true (stop), or `signal` aborts. Every
 * chunk (heartbeat comments included) calls `onActivity`, so a caller can notice a connection
 * that went silent. The abort is raced against each read on purpose: an aborted fetch whose
 * body was already complete can leave a pending read unsettled forever (seen with Node 20).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  parser: SseParser,
  onEvent: (event: SseEvent) => boolean | void,
  options: { onActivity?: () => void; signal?: AbortSignal } = {},
): Promise<void> {
  const { onActivity = () => {}, signal } = options;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason ?? new Error('aborted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      onActivity();
      for (const event of parser.push(decoder.decode(value, { stream: true }))) if (onEvent(event) === true) return;
    }
    for (const event of parser.push(decoder.decode())) if (onEvent(event) === true) return;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Not awaited: cancelling is how the connection is let go, and it must not hold us up.
    reader.cancel().catch(() => {});
  }
}
