import { useEffect, useRef, useState } from 'react';

/** One event of a run as the server streams it (see the run stream in the API reference). */
export interface RunStreamEvent {
  runId: string;
  type: 'snapshot' | 'log' | 'step' | 'result' | 'heal' | 'frame' | 'done' | 'stage' | 'page' | 'edge' | 'llm_token';
  seq?: number;
  [field: string]: unknown;
}

type Listener = (event: RunStreamEvent) => void;
const TYPES: RunStreamEvent['type'][] = [
  'snapshot',
  'log',
  'step',
  'result',
  'heal',
  'frame',
  'done',
  'stage',
  'page',
  'edge',
  'llm_token',
];

/**
 * The tab's single live connection. Browsers allow six connections per origin over HTTP/1.1, so
 * every component that wants a run's events shares one EventSource on `/api/v1/events?runs=…`;
 * when the set of runs changes it reconnects with the cursor it has (what each run has sent so
 * far), and the server resumes each run from there — nothing is missed or repeated.
 */
class LiveHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  #source: EventSource | undefined;
  #cursor = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #status = new Set<(connected: boolean) => void>();

  subscribe(runId: string, listener: Listener): () => void {
    let set = this.#listeners.get(runId);
    if (!set) {
      this.#listeners.set(runId, (set = new Set()));
      this.#reconnectSoon();
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.#listeners.delete(runId);
        this.#reconnectSoon();
      }
    };
  }

  onStatus(listener: (connected: boolean) => void): () => void {
    this.#status.add(listener);
    listener(this.#source?.readyState === EventSource.OPEN);
    return () => this.#status.delete(listener);
  }

  /** Several components mounting at once cause one reconnect, not one each. */
  #reconnectSoon() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#connect(), 20);
  }

  #connect() {
    this.#source?.close();
    this.#source = undefined;
    const runs = [...this.#listeners.keys()].sort();
    // Keep only the positions of runs still watched; a run watched anew starts with its snapshot.
    this.#cursor = this.#cursor
      .split(',')
      .filter((entry) => runs.includes(entry.split(':')[0] ?? ''))
      .join(',');
    if (runs.length === 0) return;
    const query = new URLSearchParams({ runs: runs.join(',') });
    if (this.#cursor) query.set('lastEventId', this.#cursor);
    const source = new EventSource(`/api/v1/events?${query}`);
    this.#source = source;
    source.onopen = () => this.#status.forEach((listener) => listener(true));
    source.onerror = () => this.#status.forEach((listener) => listener(false));
    for (const type of TYPES) {
      source.addEventListener(type, (message) => {
        const event = message as MessageEvent<string>;
        if (event.lastEventId) this.#cursor = event.lastEventId;
        const data = JSON.parse(event.data) as RunStreamEvent;
        this.#listeners.get(data.runId)?.forEach((listener) => listener(data));
      });
    }
  }
}

const hub = new LiveHub();

/** Calls `onEvent` for every event of `runId` while the component is mounted. */
export function useRunEvents(runId: string | undefined, onEvent: Listener): { connected: boolean } {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [connected, setConnected] = useState(false);
  useEffect(() => hub.onStatus(setConnected), []);
  useEffect(() => {
    if (!runId) return;
    return hub.subscribe(runId, (event) => handler.current(event));
  }, [runId]);
  return { connected };
}
