import type { GraphEdge, GraphNode } from './run-model';

export interface GraphLayout {
  positions: Map<string, { x: number; y: number }>;
  /** The page the layers start from. */
  root: string | undefined;
  /** For each other page, the page one layer up that leads to it (`from→to`). */
  tree: Set<string>;
  /** Edges drawn for pages reached by no known edge: parent by URL path (or the start page). */
  inferred: GraphEdge[];
}

const COLUMN = 230;
const ROW = 110;

function pathOf(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return [];
  }
}

/** The known page whose path is the longest prefix of `url`'s path. */
function ancestorOf(url: string, placed: GraphNode[], root: GraphNode): GraphNode {
  const segments = pathOf(url);
  let best = root;
  let bestLength = -1;
  for (const node of placed) {
    if (node.url === url) continue;
    const other = pathOf(node.url);
    if (other.length >= segments.length || other.length <= bestLength) continue;
    if (other.every((segment, index) => segments[index] === segment)) {
      best = node;
      bestLength = other.length;
    }
  }
  return best;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The start page: the project URL when it was crawled, else the page with the shortest path. */
function rootOf(nodes: GraphNode[], startUrl: string | undefined): GraphNode | undefined {
  const start = startUrl ? trimSlash(startUrl) : undefined;
  const exact = start ? nodes.find((node) => trimSlash(node.url) === start) : undefined;
  if (exact) return exact;
  return nodes.reduce<GraphNode | undefined>(
    (best, node) => (!best || pathOf(node.url).length < pathOf(best.url).length ? node : best),
    undefined,
  );
}

export const treeKey = (from: string, to: string) => `${from}→${to}`;

/**
 * Layers by breadth-first distance from the start page: the start page on top, every page one
 * row below the first page that leads to it. Wide layers wrap onto several rows.
 */
export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[], startUrl?: string, perRow = 8): GraphLayout {
  const positions = new Map<string, { x: number; y: number }>();
  const root = rootOf(nodes, startUrl);
  if (!root) return { positions, root: undefined, tree: new Set(), inferred: [] };
  const byUrl = new Map(nodes.map((node) => [node.url, node]));
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byUrl.has(edge.from) || !byUrl.has(edge.to)) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }

  const depth = new Map<string, number>([[root.url, 0]]);
  const parent = new Map<string, string>();
  const queue = [root.url];
  for (let index = 0; index < queue.length; index += 1) {
    const url = queue[index]!;
    for (const target of next.get(url) ?? []) {
      if (depth.has(target)) continue;
      depth.set(target, depth.get(url)! + 1);
      parent.set(target, url);
      queue.push(target);
    }
  }

  const inferred: GraphEdge[] = [];
  const unreached = nodes
    .filter((node) => !depth.has(node.url))
    .sort((a, b) => pathOf(a.url).length - pathOf(b.url).length);
  for (const node of unreached) {
    const placed = nodes.filter((other) => depth.has(other.url));
    const from = ancestorOf(node.url, placed, root);
    depth.set(node.url, depth.get(from.url)! + 1);
    parent.set(node.url, from.url);
    inferred.push({ from: from.url, to: node.url, action: 'inferred', label: '' });
  }

  const layers: string[][] = [];
  for (const node of nodes) (layers[depth.get(node.url)!] ??= []).push(node.url);
  const tree = new Set([...parent].map(([to, from]) => treeKey(from, to)));
  const order = new Map<string, number>();
  let row = 0;
  for (const layer of layers) {
    if (!layer) continue;
    // Children under their parents' order keeps edges from crossing more than they must.
    layer.sort((a, b) => (order.get(parent.get(a) ?? '') ?? 0) - (order.get(parent.get(b) ?? '') ?? 0));
    for (let start = 0; start < layer.length; start += perRow) {
      const slice = layer.slice(start, start + perRow);
      slice.forEach((url, column) => {
        order.set(url, start + column);
        positions.set(url, { x: (column - (slice.length - 1) / 2) * COLUMN, y: row * ROW });
      });
      row += 1;
    }
  }
  return { positions, root: root.url, tree, inferred };
}
