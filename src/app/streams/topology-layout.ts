import { formatCount, formatRate, shorten } from './streams-format';
import type { StreamsSubtopology, StreamsTopicRole, StreamsTopicUse } from './streams.model';

/** Where a topic stands in a sub-topology's graph: left (read), right (written) or below (changelog). */
export type NodeSide = 'input' | 'output' | 'changelog';

export interface GraphNode {
  /** The topic, or the pattern of a pattern subscription. */
  topic: string;
  role: StreamsTopicRole;
  side: NodeSide;
  /** The name as drawn, shortened in its middle to fit. */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the topic exists (drawn dashed otherwise, and not linked). */
  exists: boolean;
  /** A regular-expression subscription rather than a topic. */
  isPattern: boolean;
  /** Other sub-topologies that write this input or read this output: the repartition link between graphs. */
  linkedTo: string[];
  /** Words for that link, e.g. `from sub-topology 0`; empty when there is none. */
  linkLabel: string;
}

export interface GraphEdge {
  side: NodeSide;
  /** SVG path data. */
  path: string;
  /** What the edge says (rate and lag, on input edges only); empty otherwise. */
  label: string;
  labelX: number;
  labelY: number;
  /** Whether records wait on this input. */
  isLagging: boolean;
  /** SVG points of the arrowhead where the edge ends; every edge ends heading right. */
  arrow: string;
}

export interface SubtopologyLayout {
  width: number;
  height: number;
  box: { x: number; y: number; width: number; height: number; title: string; subtitle: string };
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 30;
/** Room between rows, for a link label under a node. */
export const ROW_GAP = 26;
/** Room between the input column and the box, for the rate and lag on each edge. */
export const EDGE_SPAN = 170;
export const BOX_WIDTH = 150;
/** Room between the box and the changelogs hanging below it. */
const CHANGELOG_DROP = 36;
/** Characters of a topic name a node has room for. */
const LABEL_CHARS = 30;
const BOX_MIN_HEIGHT = 56;

/**
 * Positions of a sub-topology's graph, left to right: inputs (source and repartition topics,
 * and patterns) in a column, the sub-topology box, outputs in a column, and changelogs hanging
 * below the box. `all` is every sub-topology of the app, to find the repartition topics that
 * link this graph to another. Pure: the graph component only draws what this returns.
 */
export function layoutSubtopology(subtopology: StreamsSubtopology, all: readonly StreamsSubtopology[]): SubtopologyLayout {
  const inputs = [...subtopology.inputs.map((use) => ({ use, isPattern: false })), ...subtopology.sourcePatterns.map(patternUse)];
  const rows = Math.max(inputs.length, subtopology.outputs.length, 1);
  const columnHeight = rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
  const box = {
    x: NODE_WIDTH + EDGE_SPAN,
    y: 0,
    width: BOX_WIDTH,
    height: Math.max(columnHeight, BOX_MIN_HEIGHT),
    title: `Sub-topology ${subtopology.id}`,
    subtitle: subtopology.tasks.length === 1 ? '1 task' : `${subtopology.tasks.length} tasks`,
  };
  const outputX = box.x + box.width + EDGE_SPAN / 2;
  const top = (index: number, count: number) =>
    (box.height - (count * NODE_HEIGHT + (count - 1) * ROW_GAP)) / 2 + index * (NODE_HEIGHT + ROW_GAP);
  const others = all.filter((other) => other.id !== subtopology.id);
  const writers = (topic: string) => others.filter((other) => other.outputs.some((use) => use.topic === topic)).map((other) => other.id);
  const readers = (topic: string) => others.filter((other) => other.inputs.some((use) => use.topic === topic)).map((other) => other.id);

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];

  inputs.forEach(({ use, isPattern }, index) => {
    const node = aNode(use, 'input', 0, top(index, inputs.length), isPattern, isPattern ? [] : writers(use.topic), 'from');
    nodes.push(node);
    const fromX = node.x + node.width;
    const fromY = node.y + NODE_HEIGHT / 2;
    const toY = box.y + ((index + 1) * box.height) / (inputs.length + 1);
    edges.push({
      side: 'input',
      path: curve(fromX, fromY, box.x, toY),
      label: isPattern ? '' : edgeLabel(use),
      labelX: fromX + 8,
      labelY: fromY - 6,
      isLagging: (use.lag ?? 0) > 0,
      arrow: arrowAt(box.x, toY),
    });
  });

  subtopology.outputs.forEach((use, index) => {
    const node = aNode(use, 'output', outputX, top(index, subtopology.outputs.length), false, readers(use.topic), 'to');
    nodes.push(node);
    const fromY = box.y + ((index + 1) * box.height) / (subtopology.outputs.length + 1);
    const toY = node.y + NODE_HEIGHT / 2;
    edges.push(plainEdge('output', curve(box.x + box.width, fromY, node.x, toY), arrowAt(node.x, toY)));
  });

  // Changelogs hang below the box, off a spine down its left side.
  const spineX = box.x + 14;
  subtopology.changelogs.forEach((use, index) => {
    const y = box.y + box.height + CHANGELOG_DROP + index * (NODE_HEIGHT + ROW_GAP);
    const node = aNode(use, 'changelog', spineX + 16, y, false, [], 'to');
    nodes.push(node);
    const toY = y + NODE_HEIGHT / 2;
    edges.push(plainEdge('changelog', `M ${spineX} ${box.y + box.height} V ${toY} H ${node.x}`, arrowAt(node.x, toY)));
  });

  const bottom = Math.max(box.y + box.height, ...nodes.map((node) => node.y + NODE_HEIGHT + (node.linkLabel ? 14 : 0)));
  const right = Math.max(outputX + (subtopology.outputs.length ? NODE_WIDTH : 0), box.x + box.width, ...nodes.map((n) => n.x + n.width));
  return { width: right + 2, height: bottom + 2, box, nodes, edges };
}

function patternUse(pattern: string): { use: StreamsTopicUse; isPattern: boolean } {
  return { use: { topic: `/${pattern}/`, role: 'source', rate: null, lag: null, exists: true }, isPattern: true };
}

function aNode(
  use: StreamsTopicUse,
  side: NodeSide,
  x: number,
  y: number,
  isPattern: boolean,
  linkedTo: string[],
  direction: 'from' | 'to',
): GraphNode {
  const linkLabel = linkedTo.length ? `${direction} sub-topology ${linkedTo.join(', ')}` : '';
  return {
    topic: use.topic,
    role: use.role,
    side,
    label: shorten(use.topic, LABEL_CHARS),
    x,
    y,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    exists: use.exists,
    isPattern,
    linkedTo,
    linkLabel,
  };
}

/** `12.5/s · lag 30`: the live rate and lag of an input edge; either is left out while unknown. */
export function edgeLabel(use: Pick<StreamsTopicUse, 'rate' | 'lag'>): string {
  const parts = [use.rate === null ? '' : formatRate(use.rate), use.lag === null ? '' : `lag ${formatCount(use.lag)}`];
  return parts.filter(Boolean).join(' · ');
}

function plainEdge(side: NodeSide, path: string, arrow: string): GraphEdge {
  return { side, path, label: '', labelX: 0, labelY: 0, isLagging: false, arrow };
}

/** An arrowhead pointing right, its tip at the point. */
function arrowAt(x: number, y: number): string {
  return `${x - 7},${y - 4} ${x},${y} ${x - 7},${y + 4}`;
}

/** A horizontal S-curve from one point to another. */
function curve(x1: number, y1: number, x2: number, y2: number): string {
  const middle = (x1 + x2) / 2;
  return `M ${x1} ${y1} C ${middle} ${y1}, ${middle} ${y2}, ${x2} ${y2}`;
}
