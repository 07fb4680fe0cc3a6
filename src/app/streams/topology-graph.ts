import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GraphNode, SubtopologyLayout } from './topology-layout';

/**
 * One sub-topology drawn as inline SVG, left to right: the topics it reads, with the live rate
 * and lag on each edge, the sub-topology, the topics it writes, and its changelogs below.
 * Only draws: every position comes from `layoutSubtopology`. Topics link to their pages; a
 * repartition topic another sub-topology shares is coloured alike in both graphs and links to
 * the other one; a plain sink (known from the app's own description) is coloured apart; a topic
 * not created yet is dashed.
 */
@Component({
  selector: 'kpc-topology-graph',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './topology-graph.html',
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    svg {
      display: block;
      font: 12px var(--mat-sys-body-medium-font, Roboto, sans-serif);
    }
    .edge {
      fill: none;
      stroke: var(--mat-sys-outline);
      stroke-width: 1.5;
    }
    .edge.lagging {
      stroke: var(--kpc-warn);
    }
    .arrow {
      fill: var(--mat-sys-outline);
    }
    .arrow.lagging {
      fill: var(--kpc-warn);
    }
    .edge-label {
      fill: var(--mat-sys-on-surface-variant);
      font-size: 11px;
      font-variant-numeric: tabular-nums;
    }
    .edge-label.lagging {
      fill: var(--kpc-warn);
      font-weight: 500;
    }
    .box {
      fill: var(--mat-sys-primary-container);
      stroke: var(--mat-sys-primary);
      stroke-width: 1.5;
    }
    .box-title {
      fill: var(--mat-sys-on-primary-container);
      font-weight: 500;
    }
    .box-subtitle {
      fill: var(--mat-sys-on-primary-container);
      font-size: 11px;
    }
    .node rect {
      fill: var(--mat-sys-surface-container);
      stroke: var(--mat-sys-outline-variant);
    }
    .node.changelog rect {
      fill: var(--mat-sys-surface-container-low);
    }
    .node.sink rect {
      fill: var(--mat-sys-secondary-container);
      stroke: var(--mat-sys-secondary);
    }
    .node.linked rect {
      fill: var(--mat-sys-tertiary-container);
      stroke: var(--mat-sys-tertiary);
    }
    .node.missing rect {
      fill: none;
      stroke: var(--mat-sys-outline);
      stroke-dasharray: 4 3;
    }
    .node text {
      fill: var(--mat-sys-on-surface);
    }
    .node.missing text {
      fill: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    a.topic:hover text,
    a.topic:focus text {
      text-decoration: underline;
    }
    a.topic text {
      fill: var(--mat-sys-primary);
    }
    .link text {
      fill: var(--mat-sys-tertiary);
      font-size: 11px;
      cursor: pointer;
    }
  `,
})
export class TopologyGraph {
  readonly layout = input.required<SubtopologyLayout>();
  /** The cluster, for the links to each topic's page. */
  readonly cluster = input.required<string>();
  /** The operator followed a repartition link to another sub-topology: its id. */
  readonly follow = output<string>();

  protected readonly trackNode = (node: GraphNode) => `${node.side}:${node.topic}`;

  protected nodeTitle(node: GraphNode): string {
    if (node.isPattern) return `Reads every topic matching ${node.topic}`;
    return `${node.topic} (${node.role})${node.exists ? '' : ': not created yet'}`;
  }

  protected followLink(event: Event, node: GraphNode): void {
    event.preventDefault();
    this.follow.emit(node.linkedTo[0]!);
  }
}
