import { Box, Stack, Switch, Text, useComputedColorScheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Background, Controls, MarkerType, ReactFlow, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { layoutGraph, treeKey } from './graph-layout';
import type { GraphEdge, GraphNode } from './run-model';

const STATUS_COLOR: Record<string, string> = {
  crawled: 'var(--mantine-color-green-6)',
  failed: 'var(--mantine-color-red-6)',
  skipped: 'var(--mantine-color-gray-5)',
};

const ELLIPSIS = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function shortPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}` || '/';
  } catch {
    return url;
  }
}

/** Keeps the whole graph in view as it grows. */
function FitOnGrowth({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const timer = setTimeout(() => void fitView({ padding: 0.15, duration: 250, maxZoom: 1.2 }), 60);
    return () => clearTimeout(timer);
  }, [count, fitView]);
  return null;
}

/**
 * The crawled site as a graph: pages as nodes (coloured by outcome), laid out in breadth-first
 * layers from the start page. By default each page shows the one arrow that first led to it (a
 * site's navigation links every page to every other); all links and actions can be shown too.
 * Pages that arrived without an edge (before this page was opened) hang under their URL parent,
 * dotted.
 */
export function SiteGraph({
  nodes,
  edges,
  live,
  startUrl,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  live: boolean;
  startUrl: string | undefined;
}) {
  const colorMode = useComputedColorScheme('light');
  const narrow = useMediaQuery('(max-width: 48em)');
  const [all, setAll] = useState(false);
  const flow = useMemo(() => {
    const { positions, root, tree, inferred } = layoutGraph(nodes, edges, startUrl, narrow ? 3 : 8);
    const known = new Set(nodes.map((node) => node.url));
    const flowNodes: Node[] = nodes.map((node) => ({
      id: node.url,
      position: positions.get(node.url) ?? { x: 0, y: 0 },
      ariaLabel: `${shortPath(node.url)}: ${node.title || 'untitled'} (${node.status})${node.url === root ? ', start page' : ''}`,
      data: {
        label: (
          <div>
            <div style={ELLIPSIS}>
              <strong>{shortPath(node.url)}</strong>
            </div>
            <div style={{ ...ELLIPSIS, opacity: 0.7 }}>{node.title || 'untitled'}</div>
          </div>
        ),
      },
      style: {
        width: 190,
        fontSize: 11,
        borderColor: STATUS_COLOR[node.status] ?? STATUS_COLOR.crawled,
        borderWidth: node.url === root ? 3 : 2,
      },
    }));
    const real = edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
    const seen = new Set<string>();
    const shown = (all ? real : real.filter((edge) => tree.has(treeKey(edge.from, edge.to)))).filter((edge) => {
      // Several actions between the same two pages are one arrow unless every link is asked for.
      const key = all ? `${edge.from}→${edge.to}→${edge.action}` : treeKey(edge.from, edge.to);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const flowEdges: Edge[] = [...shown, ...inferred].map((edge) => ({
      id: `${edge.from}→${edge.to}→${edge.action}`,
      source: edge.from,
      target: edge.to,
      ariaLabel: `${edge.action === 'inferred' ? 'Probably linked' : edge.action} from ${shortPath(edge.from)} to ${shortPath(edge.to)}${edge.label ? `: ${edge.label}` : ''}`,
      markerEnd: { type: MarkerType.ArrowClosed },
      style:
        edge.action === 'inferred'
          ? { strokeDasharray: '2 4', opacity: 0.6 }
          : all && !tree.has(treeKey(edge.from, edge.to))
            ? { opacity: 0.35 }
            : undefined,
    }));
    return { flowNodes, flowEdges, total: real.length };
  }, [nodes, edges, startUrl, all, narrow]);

  if (nodes.length === 0)
    return (
      <Box
        h={160}
        style={{ display: 'grid', placeItems: 'center', border: '1px dashed var(--mantine-color-default-border)' }}
      >
        <Text size="sm" c="dimmed">
          {live ? 'Waiting for the first page…' : 'No pages were found.'}
        </Text>
      </Box>
    );

  return (
    <Stack gap="xs">
      <Switch
        size="sm"
        checked={all}
        onChange={(event) => setAll(event.currentTarget.checked)}
        label={`Show every link and action (${flow.total})`}
        disabled={flow.total === 0}
      />
      <Box
        h={narrow ? 340 : 480}
        style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, overflow: 'hidden' }}
      >
        <ReactFlow
          nodes={flow.flowNodes}
          edges={flow.flowEdges}
          colorMode={colorMode}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          minZoom={0.1}
          aria-label="Site graph"
        >
          <Background />
          <Controls showInteractive={false} />
          <FitOnGrowth count={nodes.length} />
        </ReactFlow>
      </Box>
    </Stack>
  );
}
