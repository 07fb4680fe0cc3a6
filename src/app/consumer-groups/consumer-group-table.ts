import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ConsumerGroupSummary, StateTone } from './consumer-group.model';
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

/** The consumer groups of a cluster: state, members, topics and lag; each links to its page. */
@Component({
  selector: 'kpc-consumer-group-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatTableModule, RouterLink, StateChip],
  templateUrl: './consumer-group-table.html',
  styles: `
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
    }
    .group {
      font-weight: 500;
      word-break: break-all;
    }
    .topics {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .lagging {
      color: var(--kpc-warn);
      font-weight: 500;
    }
  `,
})
export class ConsumerGroupTable {
  readonly groups = input.required<ConsumerGroupRow[]>();
  /** The cluster, for the links to each group. */
  readonly cluster = input.required<string>();
  protected readonly columns = ['group', 'state', 'members', 'topics', 'lag'];
}
