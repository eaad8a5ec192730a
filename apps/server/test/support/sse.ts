export interface SseMessage {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads a Server-Sent Events stream over real HTTP until the server ends it (or `until` says
 * stop, or the time limit passes): a small spec-following parser, so tests see exactly the
 * frames a browser's EventSource would.
 */
export async function readEvents(
  url: string,
  headers: Record<string, string>,
  options: { until?: (message: SseMessage) => boolean; timeoutMs?: number; onOpen?: (status: number) => void } = {},
): Promise<{ status: number; contentType: string | null; messages: SseMessage[]; comments: string[] }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 60_000);
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    options.onOpen?.(response.status);
    if (!response.body || response.status !== 200) {
      return { status: response.status, contentType: response.headers.get('content-type'), messages, comments };
    }
    const decoder = new TextDecoder();
    let buffer = '';
    outer: for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: Partial<SseMessage> & { lines: string[] } = { lines: [] };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim());
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('data: ')) message.lines.push(line.slice(6));
        }
        if (message.lines.length === 0) continue;
        const parsed: SseMessage = {
          ...(message.id !== undefined ? { id: message.id } : {}),
          event: message.event ?? 'message',
          data: JSON.parse(message.lines.join('\n')) as Record<string, unknown>,
        };
        messages.push(parsed);
        if (options.until?.(parsed)) break outer;
      }
    }
    return { status: response.status, contentType: response.headers.get('content-type'), messages, comments };
  } catch (error) {
    if (controller.signal.aborted)
      throw new Error(`event stream did not end within the time limit; got ${messages.length} messages`, {
        cause: error,
      });
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
