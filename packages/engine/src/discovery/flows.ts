/**
 * Turning the state explorer's transition graph into user flows (ENGINE.md §1.3.3): every action
 * sequence the explorer actually performed from the start state, classified and thinned to a
 * diverse set, then converted to journeys for generation.
 */
import type { Journey, ObservedAction } from './types.js';

export type FlowType = 'AUTH' | 'SEARCH' | 'CHECKOUT' | 'CRUD' | 'FORM_SUBMISSION' | 'NAVIGATION';

export interface StateGraphEdge {
  /** State fingerprints. */
  from: string;
  to: string;
  action: ObservedAction;
  /**
   * Edges with the same from, to and group were one action group (e.g. fill, fill, submit of one
   * form) and become one step that replays all its actions in order. Without a group every edge
   * is its own step.
   */
  group?: string;
}

export interface StateGraph {
  start: string;
  edges: StateGraphEdge[];
}

/** One transition of a flow: the actions that took the app from one state to the next. */
export interface FlowStep {
  from: string;
  to: string;
  actions: ObservedAction[];
}

export interface Flow {
  type: FlowType;
  steps: FlowStep[];
}

/** Bounds the DFS on dense graphs; the number of simple paths grows exponentially. */
const MAX_DFS_ITERATIONS = 20_000;
const MAX_RECORDED_PATHS = 500;

/** Per state, one step per distinct target state (the first recorded way of getting there). */
function stepsByState(edges: StateGraphEdge[]): Map<string, FlowStep[]> {
  const byGroup = new Map<string, FlowStep>();
  const outgoing = new Map<string, FlowStep[]>();
  edges.forEach((edge, index) => {
    if (edge.from === edge.to) return;
    const key = JSON.stringify([edge.from, edge.to, edge.group ?? `#${index}`]);
    const grouped = byGroup.get(key);
    if (grouped) {
      grouped.actions.push(edge.action);
      return;
    }
    const steps = outgoing.get(edge.from) ?? [];
    if (steps.some((step) => step.to === edge.to)) return;
    const step: FlowStep = { from: edge.from, to: edge.to, actions: [edge.action] };
    byGroup.set(key, step);
    steps.push(step);
    outgoing.set(edge.from, steps);
  });
  return outgoing;
}

/** All action paths from the start state (≤ maxLength steps), deduplicated, longest first. */
export function extractFlows(graph: StateGraph, maxLength = 6): Flow[] {
  const outgoing = stepsByState(graph.edges);
  const recorded = new Map<string, FlowStep[]>();
  const record = (path: FlowStep[]) => {
    const key = path.map((step) => `${step.from}->${step.to}`).join('|');
    if (!recorded.has(key)) recorded.set(key, path);
  };

  const stack: { state: string; path: FlowStep[]; onPath: Set<string> }[] = [
    { state: graph.start, path: [], onPath: new Set([graph.start]) },
  ];
  for (let iterations = 0; stack.length > 0 && iterations < MAX_DFS_ITERATIONS; iterations++) {
    if (recorded.size >= MAX_RECORDED_PATHS) break;
    const { state, path, onPath } = stack.pop()!;
    const steps = outgoing.get(state) ?? [];
    if (steps.length === 0) {
      if (path.length >= 1) record(path);
      continue;
    }
    if (path.length >= maxLength) {
      if (path.length >= 2) record(path);
      continue;
    }
    let continued = false;
    const children: typeof stack = [];
    for (const step of steps) {
      if (onPath.has(step.to)) {
        // Closing a loop (e.g. add item → back to list) is a complete flow of its own.
        if (path.length + 1 >= 2) {
          record([...path, step]);
          continued = true;
        }
      } else {
        children.push({ state: step.to, path: [...path, step], onPath: new Set([...onPath, step.to]) });
        continued = true;
      }
    }
    if (!continued && path.length >= 2) record(path);
    // Reversed so the first recorded edge is explored first.
    stack.push(...children.reverse());
  }

  return [...recorded.values()]
    .sort((a, b) => b.length - a.length)
    .map((steps) => ({ type: classifyFlow(steps.flatMap((step) => step.actions)), steps }));
}

const FLOW_KEYWORDS: [FlowType, RegExp][] = [
  ['AUTH', /password|\blog ?in\b|\bsign ?in\b/],
  ['SEARCH', /\bsearch|\bfind\b|\bfilter/],
  ['CHECKOUT', /checkout|\bbuy\b|purchase|\bcart\b|\bpay(ment)?\b/],
  ['CRUD', /\b(create|new|add|edit|save|update|delete)\b/],
];

/** First match wins: AUTH, SEARCH, CHECKOUT, CRUD by action text; then fill+submit; else NAVIGATION. */
export function classifyFlow(actions: ObservedAction[]): FlowType {
  const text = actions
    .map((action) => `${action.label} ${action.locator}`)
    .join(' ')
    .toLowerCase();
  for (const [type, pattern] of FLOW_KEYWORDS) {
    if (pattern.test(text)) return type;
  }
  const kinds = new Set(actions.map((action) => action.kind));
  if (kinds.has('fill') && kinds.has('submit')) return 'FORM_SUBMISSION';
  return 'NAVIGATION';
}

/** At most `perType` flows of each type and `total` overall, topped up from the rest if short. */
export function pickDiverseFlows(flows: Flow[], perType = 2, total = 10): Flow[] {
  const chosen: Flow[] = [];
  const perTypeCount = new Map<FlowType, number>();
  for (const flow of flows) {
    if (chosen.length >= total) break;
    const count = perTypeCount.get(flow.type) ?? 0;
    if (count < perType) {
      chosen.push(flow);
      perTypeCount.set(flow.type, count + 1);
    }
  }
  for (const flow of flows) {
    if (chosen.length >= total) break;
    if (!chosen.includes(flow)) chosen.push(flow);
  }
  return chosen;
}

function describeAction(action: ObservedAction): string {
  return `${action.kind} "${action.label}"`;
}

/**
 * A journey for generation: the states visited in order (unknown states are left out) and the
 * exact actions the explorer performed. `index` numbers the name ("AUTH Flow 1").
 */
export function flowToJourney(flow: Flow, statesById: Map<string, { url: string; title: string }>, index = 1): Journey {
  const stateIds: string[] = [];
  for (const step of flow.steps) {
    for (const id of [step.from, step.to]) {
      if (!stateIds.includes(id)) stateIds.push(id);
    }
  }
  const pages = stateIds.flatMap((id) => {
    const state = statesById.get(id);
    return state ? [{ url: state.url, title: state.title, fingerprint: id }] : [];
  });
  const observedActions = flow.steps.flatMap((step) => step.actions);
  return {
    name: `${flow.type} Flow ${index}`,
    type: flow.type,
    pages,
    description: observedActions.map(describeAction).join(' → '),
    discoveredBy: 'state_explorer',
    observedActions,
  };
}
