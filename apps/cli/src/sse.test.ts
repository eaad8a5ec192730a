import { describe, expect, it } from 'vitest';
import { readEventStream, SseParser, type SseEvent } from './sse.js';

const STREAM = [
  ': connected\r\n',
  'id: 1\r\nevent: snapshot\r\ndata: {"type":"snapshot"}\r\n\r\n',
  ': heartbeat\n\n',
  'id: 2\nevent: log\ndata: first line\ndata: second line\n\n',
  'event: frame\rdata: {"type":"frame"}\r\r',
  'id: 3\r\nevent: done\r\ndata:{"type":"done"}\r\n\r\n',
].join('');

const EXPECTED: SseEvent[] = [
  { event: 'snapshot', data: '{"type":"snapshot"}', id: '1' },
  { event: 'log', data: 'first line\nsecond line', id: '2' },
  // No id of its own: it carries the last one seen, as EventSource does.
  { event: 'frame', data: '{"type":"frame"}', id: '2' },
  { event: 'done', data: '{"type":"done"}', id: '3' },
];

function parseInPieces(pieces: string[]): SseEvent[] {
  const parser = new SseParser();
  return pieces.flatMap((piece) => parser.push(piece));
}

describe('SseParser', () => {
  it('parses named events with ids, multi-line data, comments and all three line endings', () => {
    expect(parseInPieces([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events wherever the text is split, including between \\r and \\n', () => {
    for (let cut = 0; cut <= STREAM.length; cut += 1) {
      expect(parseInPieces([STREAM.slice(0, cut), STREAM.slice(cut)]), `cut at ${cut}`).toEqual(EXPECTED);
    }
    expect(parseInPieces([...STREAM])).toEqual(EXPECTED);
  });

  it('does not swallow a real blank line that follows a lone \\n chunk after \\r', () => {
    // "\r" ends a line; the next chunk "\n" completes "\r\n"; the chunk after it is a new line.
    const events = parseInPieces(['data: a\r', '\n', '\n']);
    expect(events).toEqual([{ event: 'message', data: 'a', id: '' }]);
  });

  it('follows the field rules: one optional space, no-colon fields, unknown fields, empty data', () => {
    const events = parseInPieces([
      'data:no space\n\n',
      'data:  two spaces\n\n',
      'data\n\n',
      'retry: 10\nfoo: bar\ndata: x\n\n',
      'event: only-a-name\n\n',
      'id: 7\n\n',
      'data: after id\n\n',
    ]);
    expect(events).toEqual([
      { event: 'message', data: 'no space', id: '' },
      { event: 'message', data: ' two spaces', id: '' },
      { event: 'message', data: '', id: '' },
      { event: 'message', data: 'x', id: '' },
      { event: 'message', data: 'after id', id: '7' },
    ]);
  });

  it('strips a byte-order mark at the very start only, and keeps an unterminated event back', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFdata: a\n\ndata: \uFEFFb\n\ndata: pending\n')).toEqual([
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: '\uFEFFb', id: '' },
    ]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'pending', id: '' }]);
  });

  it('ignores an id containing NUL, keeping the previous one', () => {
    expect(parseInPieces(['id: 4\ndata: a\n\nid: 5\0\ndata: b\n\n']).map((event) => event.id)).toEqual(['4', '4']);
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split across chunks and reports activity for heartbeats too', async () => {
    const bytes = new TextEncoder().encode(': heartbeat\n\nevent: log\ndata: ✓ café\n\n');
    const split = bytes.indexOf(0xe2) + 1; // inside the three bytes of ✓
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    let activity = 0;
    await readEventStream(body, new SseParser(), (event) => void events.push(event), {
      onActivity: () => (activity += 1),
    });
    expect(events).toEqual([{ event: 'log', data: '✓ café', id: '' }]);
    expect(activity).toBe(3);
  });

  it('stops when told to, and settles when aborted even if the body never moves again', async () => {
    const encoder = new TextEncoder();
    let cancelled = false;
    const neverEnding = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('event: a\ndata: 1\n\nevent: done\ndata: 2\n\nevent: b\ndata: 3\n\n'));
        },
        cancel() {
          cancelled = true;
        },
      });
    const seen: string[] = [];
    await readEventStream(neverEnding(), new SseParser(), (event) => {
      seen.push(event.event);
      return event.event === 'done';
    });
    expect(seen).toEqual(['a', 'done']);
    expect(cancelled).toBe(true);

    const controller = new AbortController();
    const reading = readEventStream(neverEnding(), new SseParser(), () => {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(reading).rejects.toThrow('stop');
  });
});
