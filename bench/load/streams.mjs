/**
 * The load generator's HTTP side, on node:http (a third less client CPU than `fetch` for event
 * streams, see bench/README.md "Run events to many subscribers"): timed JSON GETs on a keep-alive
 * pool, and event-stream readers that count and check what they receive.
 */
import http from 'node:http';

/**
 * One GET on `agent`; resolves with status, body (Buffer) and the time from sending to the last
 * byte in ms. Network errors resolve with `error` set (they are counted, not thrown).
 */
export function timedGet(agent, base, pathname, headers) {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.get(`${base}${pathname}`, { agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          type: response.headers['content-type'] ?? '',
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
          started,
        }),
      );
      response.on('error', (error) => resolve({ error: String(error.code ?? error.message), started }));
    });
    request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ error: String(error.code ?? error.message), started }));
  });
}

/**
 * Reads a text/event-stream on its own connection until the server ends it or `close()` is called.
 * `onMessage({ id, event, data })` per message (`id` raw text or undefined; comments such as
 * `: heartbeat` are skipped). `done` resolves with `{ status, error, closedByUs }`.
 */
export function openEventStream(base, pathname, token, onMessage) {
  let request;
  let closedByUs = false;
  const done = new Promise((resolve) => {
    request = http.get(
      `${base}${pathname}`,
      { agent: false, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          resolve({ status: response.statusCode, error: `status ${response.statusCode}`, closedByUs });
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (block.startsWith(':')) continue; // heartbeat
            const message = { id: undefined, event: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) message.id = line.slice(4);
              else if (line.startsWith('event: ')) message.event = line.slice(7);
              else if (line.startsWith('data: ')) message.data += line.slice(6);
            }
            onMessage(message);
          }
        });
        response.on('end', () => resolve({ status: 200, error: null, closedByUs }));
        response.on('error', (error) =>
          resolve({ status: 200, error: closedByUs ? null : String(error.code ?? error.message), closedByUs }),
        );
        response.on('close', () => resolve({ status: 200, error: closedByUs ? null : 'closed early', closedByUs }));
      },
    );
    request.on('error', (error) =>
      resolve({ status: null, error: closedByUs ? null : String(error.code ?? error.message), closedByUs }),
    );
  });
  return {
    done,
    close() {
      closedByUs = true;
      request.destroy();
    },
  };
}

/**
 * A watcher of one run (`GET /runs/:id/events`): a `snapshot` first, then every stored event after
 * the snapshot's id, each exactly one more than the last (frames carry no id; the progress
 * snapshots sent after each result repeat an id already sent), ending with `done`.
 */
export function watchRun(base, runId, token, tally) {
  const state = { runId, firstSeq: null, lastSeq: null, messages: 0, problem: null, done: null };
  const stream = openEventStream(base, `/api/v1/runs/${runId}/events`, token, (message) => {
    state.messages++;
    tally[message.event] = (tally[message.event] ?? 0) + 1;
    if (state.problem) return;
    if (state.firstSeq === null) {
      if (message.event !== 'snapshot') state.problem = `first message ${message.event}`;
      else state.firstSeq = state.lastSeq = Number(message.id);
      return;
    }
    if (message.id === undefined || message.event === 'snapshot') return;
    const seq = Number(message.id);
    if (seq !== state.lastSeq + 1) state.problem = `id ${seq} after ${state.lastSeq}`;
    state.lastSeq = seq;
    if (message.event === 'done') {
      const done = JSON.parse(message.data);
      state.done = `${done.status} ${done.passed ?? '?'}/${done.total ?? '?'}`;
    }
  });
  state.ended = stream.done.then((end) => {
    if (!state.problem && end.error) state.problem = end.error;
    if (!state.problem && !end.closedByUs && state.done === null) state.problem = 'ended without done';
    return state;
  });
  state.close = stream.close;
  return state;
}

/**
 * A dashboard tab's stream of several runs (`GET /events?runs=a,b,…`): its id is a cursor
 * `RUN-1:12,RUN-2:5`; no run's position may ever go back. It stays open until closed.
 */
export function watchRuns(base, runIds, token, tally) {
  const state = { runIds, messages: 0, problem: null, cursor: new Map() };
  const path = `/api/v1/events?runs=${encodeURIComponent(runIds.join(','))}`;
  const stream = openEventStream(base, path, token, (message) => {
    state.messages++;
    tally[message.event] = (tally[message.event] ?? 0) + 1;
    if (state.problem || message.id === undefined) return;
    for (const entry of message.id.split(',')) {
      const at = entry.lastIndexOf(':');
      const [run, seq] = [entry.slice(0, at), Number(entry.slice(at + 1))];
      if (seq < (state.cursor.get(run) ?? -1))
        state.problem = `${run} went back from ${state.cursor.get(run)} to ${seq}`;
      state.cursor.set(run, seq);
    }
  });
  state.ended = stream.done.then((end) => {
    if (!state.problem && end.error) state.problem = end.error;
    if (!state.problem && !end.closedByUs) state.problem = 'multi-run stream ended by the server';
    return state;
  });
  state.close = stream.close;
  return state;
}
