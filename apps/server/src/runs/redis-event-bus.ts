import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { throttledWarning } from '../http/rate-limit/store.js';
import { RunEventHub, type RunEvent } from './run-event-hub.js';

const PREFIX = 'sentri:run:';
/** Stored events (and snapshots), in the order the run's journal published them. */
const eventsChannel = (runId: string) => `${PREFIX}${runId}`;
/** Frames and AI tokens: big or many, never stored, only sent while some process listens. */
const liveChannel = (runId: string) => `${PREFIX}${runId}:frames`;
/** Abort requests, heard only by the process executing the run. */
const controlChannel = (runId: string) => `${PREFIX}${runId}:control`;

/** How long a stream waits for Redis to confirm a subscription before it goes on without. */
const CONFIRM_TIMEOUT_MS = 2_000;
/** At most one PUBSUB NUMSUB per run in this interval decides whether frames go to Redis. */
const WATCHERS_TTL_MS = 1_000;

/** Publishing fails fast and drops (an executor never waits for Redis); readers catch up from the database. */
export const REDIS_PUBLISHER_OPTIONS: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  commandTimeout: 1_000,
};

/**
 * The subscriber queues (un)subscriptions made while disconnected and sends them on reconnect,
 * never giving up on them; `autoResubscribe` restores what was subscribed when the link dropped.
 */
export const REDIS_SUBSCRIBER_OPTIONS: RedisOptions = {
  lazyConnect: true,
  connectTimeout: 2_000,
  maxRetriesPerRequest: null,
  autoResubscribe: true,
};

interface Message {
  /** The publishing process: a process ignores its own messages, it delivered them already. */
  from: string;
  event?: RunEvent;
  abort?: true;
}

/** One run watched by subscribers in this process. */
interface Watch {
  /** The last stored event delivered from Redis, to notice a gap. */
  last?: number;
  /** Remote events are delivered one after another, a gap being filled from the database first. */
  chain: Promise<void>;
  confirmed: Promise<void>;
}

export interface RedisEventHubOptions {
  url: string;
  logger: Logger;
  /** Names this process in messages. */
  instance: string;
  /** The run's stored events after `afterSeq`, in order: what a gap or an outage made us miss. */
  replay: (runId: string, afterSeq: number) => Promise<RunEvent[]>;
  redis?: RedisOptions;
}

/**
 * Run events across processes through Redis pub/sub. Every event is delivered here as before and
 * published on the run's channel; a process subscribes to a run's channels while it has local
 * subscribers of that run. Order within a run holds because one journal publishes it over one
 * connection, and a seq that skips ahead (a message dropped while Redis was away) is filled in
 * from the database, where the journal stored it before publishing.
 */
export class RedisRunEventHub extends RunEventHub {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #watches = new Map<string, Watch>();
  readonly #owned = new Set<string>();
  readonly #watchers = new Map<string, { count: number; at: number; asking: boolean }>();
  readonly #warn: (error: unknown) => void;

  constructor(private readonly options: RedisEventHubOptions) {
    super();
    this.#publisher = new Redis(options.url, { ...REDIS_PUBLISHER_OPTIONS, ...options.redis });
    this.#subscriber = new Redis(options.url, { ...REDIS_SUBSCRIBER_OPTIONS, ...options.redis });
    this.#warn = throttledWarning(options.logger, 'Run events (Redis) unreachable: other processes may not see them');
    // Without listeners ioredis prints every connection error to stderr itself.
    this.#publisher.on('error', this.#warn);
    this.#subscriber.on('error', this.#warn);
    this.#subscriber.on('message', (channel: string, raw: string) => this.#receive(channel, raw));
    this.#subscriber.on('ready', () => void this.#resume());
  }

  override get mode() {
    return 'redis' as const;
  }

  override async connect(): Promise<void> {
    await Promise.all([this.#publisher.connect().catch(this.#warn), this.#subscriber.connect().catch(this.#warn)]);
  }

  override ready(runId: string): Promise<void> {
    return this.#watches.get(runId)?.confirmed ?? Promise.resolve();
  }

  protected override watchStarted(runId: string): void {
    this.#watches.set(runId, {
      chain: Promise.resolve(),
      confirmed: this.#subscribe([eventsChannel(runId), liveChannel(runId)]),
    });
  }

  protected override watchEnded(runId: string): void {
    this.#watches.delete(runId);
    this.#subscriber.unsubscribe(eventsChannel(runId), liveChannel(runId)).catch(this.#warn);
  }

  override publish(runId: string, event: RunEvent): void {
    super.publish(runId, event);
    const watch = this.#watches.get(runId);
    if (watch && event.seq !== undefined && event.type !== 'snapshot')
      watch.last = Math.max(watch.last ?? 0, event.seq);
    const live = event.type === 'frame' || event.type === 'llm_token';
    if (live && !this.#othersWatch(runId)) return;
    this.#send(live ? liveChannel(runId) : eventsChannel(runId), { from: this.options.instance, event });
  }

  override watched(runId: string): boolean {
    return super.watched(runId) || this.#othersWatch(runId);
  }

  override async own(runId: string): Promise<() => void> {
    this.#owned.add(runId);
    await this.#subscribe([controlChannel(runId)]);
    return () => {
      if (!this.#owned.delete(runId)) return;
      this.#watchers.delete(runId);
      this.#subscriber.unsubscribe(controlChannel(runId)).catch(this.#warn);
    };
  }

  override async requestAbort(runId: string): Promise<boolean> {
    try {
      // PUBLISH answers how many subscribers got it: only the executing process listens here.
      const receivers = await this.#publisher.publish(
        controlChannel(runId),
        JSON.stringify({ from: this.options.instance, abort: true } satisfies Message),
      );
      return receivers > 0;
    } catch (error) {
      this.#warn(error);
      return false;
    }
  }

  override async close(): Promise<void> {
    for (const client of [this.#subscriber, this.#publisher]) {
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }
  }

  /**
   * Settles when Redis has confirmed the subscription, so that every later publish reaches us.
   * While Redis is away there is nothing to wait for: the subscription is queued, and `#resume`
   * catches up from the database once it is in place.
   */
  #subscribe(channels: string[]): Promise<void> {
    const confirmed = this.#subscriber.subscribe(...channels);
    if (this.#subscriber.status !== 'ready') {
      confirmed.catch(this.#warn);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#warn(new Error(`Redis did not confirm the subscription to ${channels[0]} in time`));
        resolve();
      }, CONFIRM_TIMEOUT_MS);
      timer.unref();
      const settle = () => {
        clearTimeout(timer);
        resolve();
      };
      confirmed.then(settle, (error: unknown) => {
        this.#warn(error);
        settle();
      });
    });
  }

  /** Never throws into the publisher (the run's executor): a failed publish is logged and dropped. */
  #send(channel: string, message: Message): void {
    try {
      this.#publisher.publish(channel, JSON.stringify(message)).catch(this.#warn);
    } catch (error) {
      this.#warn(error);
    }
  }

  /**
   * Whether a process other than this one listens to the run's frames. Asked of Redis at most
   * once a second per run and answered from the last reply meanwhile, so a run nobody watches
   * elsewhere costs Redis one small query a second and no frames at all.
   */
  #othersWatch(runId: string): boolean {
    // Only the process executing a run makes its frames; the cache lives as long as that ownership.
    if (!this.#owned.has(runId)) return false;
    let entry = this.#watchers.get(runId);
    if (!entry) this.#watchers.set(runId, (entry = { count: 0, at: -Infinity, asking: false }));
    const asked = entry;
    if (!asked.asking && Date.now() - asked.at >= WATCHERS_TTL_MS) {
      asked.asking = true;
      this.#publisher
        .pubsub('NUMSUB', liveChannel(runId))
        .then(
          (reply) => (asked.count = Number((reply as [string, number])[1] ?? 0)),
          (error: unknown) => {
            asked.count = 0;
            this.#warn(error);
          },
        )
        .finally(() => {
          asked.asking = false;
          asked.at = Date.now();
        });
    }
    // This process's own subscription, held for its local subscribers, is in the count too.
    return asked.count - (this.#watches.has(runId) ? 1 : 0) > 0;
  }

  #receive(channel: string, raw: string): void {
    if (!channel.startsWith(PREFIX)) return;
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (message.from === this.options.instance) return;
    const rest = channel.slice(PREFIX.length);
    if (rest.endsWith(':control')) {
      const runId = rest.slice(0, -':control'.length);
      if (message.abort && this.#owned.has(runId)) this.abortRequested(runId);
    } else if (rest.endsWith(':frames')) {
      if (message.event) this.deliver(rest.slice(0, -':frames'.length), message.event);
    } else {
      const watch = this.#watches.get(rest);
      if (watch && message.event) this.#inOrder(rest, watch, message.event);
    }
  }

  #inOrder(runId: string, watch: Watch, event: RunEvent): void {
    watch.chain = watch.chain
      .then(async () => {
        const { seq } = event;
        if (seq !== undefined && event.type !== 'snapshot') {
          if (watch.last !== undefined && seq > watch.last + 1) await this.#catchUp(runId, watch, seq);
          if (watch.last !== undefined && seq <= watch.last) return;
          watch.last = seq;
        }
        this.deliver(runId, event);
      })
      .catch(this.#warn);
  }

  /** Delivers the stored events after the last one seen, up to (not including) `before`. */
  async #catchUp(runId: string, watch: Watch, before = Infinity): Promise<void> {
    try {
      for (const missed of await this.options.replay(runId, watch.last ?? 0)) {
        if (missed.seq === undefined || (watch.last !== undefined && missed.seq <= watch.last)) continue;
        if (missed.seq >= before) break;
        watch.last = missed.seq;
        this.deliver(runId, missed);
      }
    } catch (error) {
      this.options.logger.warn({ err: error, runId }, 'missed run events could not be read back');
    }
  }

  /**
   * On every (re)connection: make sure each wanted subscription is in place — confirmed, not just
   * sent — then deliver from the database whatever was published while the link was down.
   */
  async #resume(): Promise<void> {
    const channels = [
      ...[...this.#watches.keys()].flatMap((runId) => [eventsChannel(runId), liveChannel(runId)]),
      ...[...this.#owned].map(controlChannel),
    ];
    if (channels.length === 0) return;
    await this.#subscribe(channels);
    for (const [runId, watch] of this.#watches) {
      watch.chain = watch.chain.then(() => this.#catchUp(runId, watch)).catch(this.#warn);
    }
  }
}
