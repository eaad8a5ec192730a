import type { CrawlProgress } from './crawl-session.js';
import type { SiteGraph, SiteGraphEdge, SiteGraphNode } from './types.js';

/**
 * The site map as it grows: pages as nodes, links and UI actions as edges. An edge is announced
 * once both of its ends are known pages, so a live viewer never draws an edge to nowhere.
 */
export class SiteGraphBuilder {
  private readonly nodes = new Map<string, SiteGraphNode>();
  private readonly edges = new Map<string, SiteGraphEdge>();
  private readonly pending = new Map<string, SiteGraphEdge[]>();

  constructor(private readonly emit: (event: CrawlProgress) => void = () => undefined) {}

  get crawledCount(): number {
    let count = 0;
    for (const node of this.nodes.values()) if (node.status === 'crawled') count += 1;
    return count;
  }

  has(url: string): boolean {
    return this.nodes.has(url);
  }

  addNode(url: string, title: string, status: SiteGraphNode['status'] = 'crawled'): void {
    if (this.nodes.has(url)) return;
    const node: SiteGraphNode = { id: url, url, title, status };
    this.nodes.set(url, node);
    this.emit({ type: 'page', node, pagesFound: this.crawledCount });
    for (const edge of this.pending.get(url) ?? []) this.commit(edge);
    this.pending.delete(url);
  }

  addEdge(from: string, to: string, action: string, label: string): void {
    if (from === to) return;
    const edge: SiteGraphEdge = { from, to, action, label };
    if (this.nodes.has(from) && this.nodes.has(to)) this.commit(edge);
    else {
      const waiting = this.pending.get(to) ?? [];
      if (waiting.length < 50) waiting.push(edge);
      this.pending.set(to, waiting);
    }
  }

  toJSON(): SiteGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  private commit(edge: SiteGraphEdge): void {
    const key = `${edge.from}→${edge.to}→${edge.action}`;
    if (this.edges.has(key) || !this.nodes.has(edge.from)) return;
    this.edges.set(key, edge);
    this.emit({ type: 'edge', edge });
  }
}
