import { ScrollingModule } from '@angular/cdk/scrolling';
import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { StateChip } from '../consumer-groups/state-chip';
import type { SortOrder, StateTone, StreamsAppSortField, StreamsAppSummary } from './streams.model';

/** A row with how its state, protocol, lag and rate read, decided by the page. */
export interface StreamsAppRow extends StreamsAppSummary {
  tone: StateTone;
  protocolLabel: string;
  protocolExplanation: string;
  /** Whether the app committed anything, so its lag is known. */
  hasCommitted: boolean;
  isLagging: boolean;
  rate: string;
}

/** Rows of 40 px, room for the state chip: the viewport renders only those in sight. */
export const STREAMS_APP_ROW_HEIGHT = 40;

/**
 * The Streams apps of a cluster: protocol, state, members, sub-topologies, stores, lag and
 * consume rate, each linking to its page, in a virtually scrolled grid with sortable columns.
 * Rows are tracked by application id, so a background update rewrites only the cells that
 * changed and the scroll position holds.
 */
@Component({
  selector: 'kpc-streams-app-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatSortModule, MatTooltipModule, RouterLink, ScrollingModule, StateChip],
  templateUrl: './streams-app-table.html',
  styles: `
    .row {
      grid-template-columns: minmax(180px, 2fr) 120px 130px 90px 120px 70px 100px 110px;
      height: 40px;
    }
    /* Fills the window under the page header without making the page itself scroll. */
    .viewport {
      height: max(320px, calc(100vh - 264px));
    }
    .app {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .app a {
      font-weight: 500;
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .app a:hover {
      text-decoration: underline;
    }
    .protocol {
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
export class StreamsAppTable {
  readonly apps = input.required<StreamsAppRow[]>();
  /** How many apps match in all, shown or not. */
  readonly total = input.required<number>();
  /** The cluster, for the links to each app. */
  readonly cluster = input.required<string>();
  readonly sort = input.required<StreamsAppSortField>();
  readonly order = input.required<SortOrder>();
  readonly sortChange = output<{ sort: StreamsAppSortField; order: SortOrder }>();

  protected readonly rowHeight = STREAMS_APP_ROW_HEIGHT;
  /** Every matching app and the header row, as ARIA counts rows. */
  protected readonly rowCount = computed(() => this.total() + 1);
  protected readonly isEmpty = computed(() => this.apps().length === 0);
  protected readonly trackByApplicationId = (_: number, app: StreamsAppRow) => app.applicationId;

  protected changeSort(sort: Sort): void {
    this.sortChange.emit({ sort: sort.active as StreamsAppSortField, order: sort.direction === 'desc' ? 'desc' : 'asc' });
  }
}
