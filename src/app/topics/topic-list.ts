import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { SortOrder, TopicSortField } from './topic.model';

/** A topic as the list shows it, numbers already formatted. */
export interface TopicListRow {
  name: string;
  partitions: number;
  replicationFactor: number;
  underReplicatedPartitions: number;
  internal: boolean;
  isUnderReplicated: boolean;
  messages: string;
  size: string;
}

/** Rows of 36 px: the viewport renders only those in sight, so 10,000 topics stay smooth. */
export const TOPIC_ROW_HEIGHT = 36;

/**
 * The topics, in a virtually scrolled grid with sortable columns. Rows are tracked by name, so
 * a background update rewrites only the cells that changed and the scroll position holds.
 */
@Component({
  selector: 'kpc-topic-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatChipsModule, MatSortModule, MatTooltipModule, RouterLink, ScrollingModule],
  template: `
    <div class="data-grid" role="table" aria-label="Topics" [attr.aria-rowcount]="rowCount()">
      <div
        class="row header"
        role="row"
        aria-rowindex="1"
        matSort
        [matSortActive]="sort()"
        [matSortDirection]="order()"
        matSortDisableClear
        (matSortChange)="changeSort($event)">
        <div role="columnheader" mat-sort-header="name">Name</div>
        <div role="columnheader" mat-sort-header="partitions" arrowPosition="before" class="numeric">Partitions</div>
        <div role="columnheader" mat-sort-header="replicationFactor" arrowPosition="before" class="numeric">Replication</div>
        <div role="columnheader" mat-sort-header="underReplicatedPartitions" arrowPosition="before" class="numeric">Under-replicated</div>
        <div role="columnheader" mat-sort-header="messageCount" arrowPosition="before" class="numeric">Messages</div>
        <div role="columnheader" mat-sort-header="sizeBytes" arrowPosition="before" class="numeric">Size</div>
      </div>
      <!-- Only the rows in sight exist; aria-rowindex tells a screen reader where each one stands. -->
      <cdk-virtual-scroll-viewport [itemSize]="rowHeight" minBufferPx="360" maxBufferPx="720" class="viewport" role="rowgroup">
        <div
          *cdkVirtualFor="let topic of topics(); trackBy: trackByName; let index = index"
          class="row"
          role="row"
          [attr.aria-rowindex]="index + 2"
          [class.under-replicated]="topic.isUnderReplicated">
          <div role="cell" class="name">
            <a [routerLink]="[topic.name]" [title]="topic.name">{{ topic.name }}</a>
            @if (topic.internal) {
              <span class="badge">internal</span>
            }
          </div>
          <div role="cell" class="numeric">{{ topic.partitions }}</div>
          <div role="cell" class="numeric">{{ topic.replicationFactor }}</div>
          <div
            role="cell"
            class="numeric urp"
            matTooltip="Partitions with fewer in-sync replicas than replicas"
            [matTooltipDisabled]="!topic.isUnderReplicated">
            {{ topic.underReplicatedPartitions }}
          </div>
          <div role="cell" class="numeric">{{ topic.messages }}</div>
          <div role="cell" class="numeric">{{ topic.size }}</div>
        </div>
      </cdk-virtual-scroll-viewport>
    </div>
  `,
  styles: `
    .row {
      grid-template-columns: minmax(240px, 1fr) repeat(5, 120px);
      height: 36px;
    }
    /* Fills the window under the page header without making the page itself scroll. */
    .viewport {
      height: max(320px, calc(100vh - 320px));
    }
    .name {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
    }
    .name a {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .name a:hover {
      text-decoration: underline;
    }
    .badge {
      font: var(--mat-sys-label-small);
      padding: 1px 6px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .under-replicated {
      background: color-mix(in srgb, var(--kpc-warn) 10%, transparent);
    }
    .under-replicated .urp {
      color: var(--kpc-warn);
      font-weight: 600;
    }
  `,
})
export class TopicList {
  readonly topics = input.required<TopicListRow[]>();
  /** How many topics match in all, loaded or not. */
  readonly total = input.required<number>();
  readonly sort = input.required<TopicSortField>();
  readonly order = input.required<SortOrder>();
  readonly sortChange = output<{ sort: TopicSortField; order: SortOrder }>();

  protected readonly rowHeight = TOPIC_ROW_HEIGHT;
  /** Every matching topic and the header row, as ARIA counts rows. */
  protected readonly rowCount = computed(() => this.total() + 1);
  protected readonly trackByName = (_: number, topic: TopicListRow) => topic.name;

  protected changeSort(sort: Sort): void {
    this.sortChange.emit({ sort: sort.active as TopicSortField, order: sort.direction === 'desc' ? 'desc' : 'asc' });
  }
}
