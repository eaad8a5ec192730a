import { scoreUrl } from './url-rules.js';

export interface QueuedUrl {
  url: string;
  depth: number;
}

interface ScoredEntry extends QueuedUrl {
  score: number;
}

/**
 * The link crawler's frontier (ENGINE.md §1.2): a priority list ordered by `scoreUrl`, highest
 * first, ties in insertion order. A URL may be queued more than once (found on several pages);
 * copies are dropped when dequeued once the URL has been visited.
 */
export class SmartCrawlQueue {
  private readonly entries: ScoredEntry[] = [];
  private readonly visited = new Set<string>();

  /** Queues a URL; returns false when it was already visited or is not worth crawling (score 0). */
  push(url: string, depth: number): boolean {
    if (this.visited.has(url)) return false;
    const score = scoreUrl(url);
    if (score === 0) return false;
    // Insert after every entry with an equal or higher score, which keeps equal scores in order.
    let index = this.entries.length;
    while (index > 0 && (this.entries[index - 1]?.score ?? 0) < score) index--;
    this.entries.splice(index, 0, { url, depth, score });
    return true;
  }

  /** The highest-priority URL not yet visited, or undefined when none is left. */
  shift(): QueuedUrl | undefined {
    for (let entry = this.entries.shift(); entry; entry = this.entries.shift()) {
      if (!this.visited.has(entry.url)) return { url: entry.url, depth: entry.depth };
    }
    return undefined;
  }

  /** Entries still queued, including copies of URLs that will be dropped when dequeued. */
  get size(): number {
    return this.entries.length;
  }

  markVisited(url: string): void {
    this.visited.add(url);
  }

  hasVisited(url: string): boolean {
    return this.visited.has(url);
  }
}
