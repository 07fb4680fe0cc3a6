import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { LagStatusChip } from '../metrics/lag-status-chip';
import type { PartitionLagMeasure } from '../metrics/metrics.model';
import type { PartitionLag } from './consumer-group.model';

/** A partition row with how far the group has read it, decided by the page. */
export interface PartitionLagRow extends PartitionLag {
  /** The share of the retained log the group has read, 0 to 1. */
  readShare: number;
  /** Whether the group committed an offset here. */
  isCommitted: boolean;
  /** Whether the lag is known (it is not without a commit). */
  hasLag: boolean;
  /** Whether records wait to be read. */
  isLagging: boolean;
  /** Whether the group has read everything. */
  isCaughtUp: boolean;
  /** The partition's Burrow status in the console's latest sample; undefined before it. */
  lagStatus?: Pick<PartitionLagMeasure, 'status' | 'rule'>;
}

/** Where a group stands on each partition: committed offset, log end, lag and a lag bar. */
@Component({
  selector: 'kpc-partition-lag-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, LagStatusChip, MatTableModule],
  templateUrl: './partition-lag-table.html',
  styles: `
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .lagging {
      color: var(--kpc-warn);
      font-weight: 500;
    }
    .bar {
      width: 160px;
      height: 8px;
      border-radius: 4px;
      background: #f6d9a8;
      overflow: hidden;
    }
    .bar.caught-up {
      background: #cfe9d6;
    }
    .read {
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .mat-column-bar {
      width: 180px;
    }
  `,
})
export class PartitionLagTable {
  readonly partitions = input.required<PartitionLagRow[]>();
  /** Rows kept across background updates: only the cells whose numbers moved change. */
  protected readonly trackByPartition = (_: number, row: PartitionLagRow) => `${row.topic}-${row.partition}`;
  private readonly hasStatus = computed(() => this.partitions().some((row) => row.lagStatus));
  protected readonly columns = computed(() => [
    'topic',
    'partition',
    ...(this.hasStatus() ? ['status'] : []),
    'committed',
    'end',
    'lag',
    'bar',
    'lastRead',
    'assignedTo',
  ]);
}
