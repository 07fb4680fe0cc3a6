import { ScrollingModule } from '@angular/cdk/scrolling';
import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { RouterLink } from '@angular/router';
import type { ConsumerGroupSortField, ConsumerGroupSummary, SortOrder, StateTone } from './consumer-group.model';
import { StateChip } from './state-chip';

/** A row with how its state and lag read, decided by the page. */
export interface ConsumerGroupRow extends ConsumerGroupSummary {
  tone: StateTone;
  /** Whether the group committed anything, so its lag is known. */
  hasCommitted: boolean;
  /** Whether records wait to be read. */
  isLagging: boolean;
  /** The topics in one line; a dash when there are none. */
  topicsLabel: string;
}

/** Rows of 40 px, room for the state chip: the viewport renders only those in sight. */
export const GROUP_ROW_HEIGHT = 40;

/**
 * The consumer groups of a cluster: state, members, topics and lag, each linking to its page,
 * in a virtually scrolled grid with sortable columns. Rows are tracked by group id, so a
 * background update rewrites only the cells that changed and the scroll position holds.
 */
@Component({
  selector: 'kpc-consumer-group-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatSortModule, RouterLink, ScrollingModule, StateChip],
  templateUrl: './consumer-group-table.html',
  styles: `
    .row {
      grid-template-columns: minmax(200px, 2fr) 180px 100px minmax(160px, 2fr) 120px;
      height: 40px;
    }
    /* Fills the window under the page header without making the page itself scroll. */
    .viewport {
      height: max(320px, calc(100vh - 264px));
    }
    /* Room between the right-aligned member count and the left-aligned topics. */
    .after-count {
      padding-left: 16px;
    }
    .group,
    .topics {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .group a {
      font-weight: 500;
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .group a:hover {
      text-decoration: underline;
    }
    .topics {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      grid-column: 1 / -1;
    }
    .lagging {
      color: var(--kpc-warn);
      font-weight: 500;
    }
  `,
})
export class ConsumerGroupTable {
  readonly groups = input.required<ConsumerGroupRow[]>();
  /** How many groups match in all, shown or not. */
  readonly total = input.required<number>();
  /** The cluster, for the links to each group. */
  readonly cluster = input.required<string>();
  readonly sort = input.required<ConsumerGroupSortField>();
  readonly order = input.required<SortOrder>();
  readonly sortChange = output<{ sort: ConsumerGroupSortField; order: SortOrder }>();

  protected readonly rowHeight = GROUP_ROW_HEIGHT;
  /** Every matching group and the header row, as ARIA counts rows. */
  protected readonly rowCount = computed(() => this.total() + 1);
  protected readonly isEmpty = computed(() => this.groups().length === 0);
  protected readonly trackByGroupId = (_: number, group: ConsumerGroupRow) => group.groupId;

  protected changeSort(sort: Sort): void {
    this.sortChange.emit({ sort: sort.active as ConsumerGroupSortField, order: sort.direction === 'desc' ? 'desc' : 'asc' });
  }
}
