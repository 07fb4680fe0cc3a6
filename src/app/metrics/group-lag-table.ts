import { TableFilter } from './table-filter';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LagStatusChip } from './lag-status-chip';
import { formatCatchUp, formatCompact, formatDuration, formatRecordRate } from './metrics-format';
import type { GroupTrend, LagStatus, MetricsRange } from './metrics.model';
import { DEFAULT_RANGE } from './metrics-rules';
import { Sparkline } from './sparkline';
import { tableView } from './table-view';

/** Worse statuses sort higher: a group that stopped before one that only lags. */
const SEVERITY: Record<LagStatus, number> = { OK: 0, WARN: 1, REWIND: 2, STALL: 3, STOP: 4, ERR: 5 };

/** A group with what its status sorts by. */
type GroupRow = GroupTrend & { severity: number };

/** Every group's status, lag and consume rate now, with its lag over the range; the worst first. */
@Component({
  selector: 'kpc-group-lag-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TableFilter, LagStatusChip, MatButtonModule, MatSortModule, MatTableModule, RouterLink, Sparkline],
  templateUrl: './group-lag-table.html',
  styleUrl: './metrics-table.scss',
})
export class GroupLagTable {
  readonly cluster = input.required<string>();
  readonly range = input.required<MetricsRange>();
  readonly groups = input.required<readonly GroupTrend[]>();

  private readonly ranked = computed<GroupRow[]>(() => this.groups().map((group) => ({ ...group, severity: SEVERITY[group.status] })));
  protected readonly table = tableView(this.ranked, (group) => group.groupId, { active: 'severity', direction: 'desc' });
  protected readonly rows = computed(() =>
    this.table.view().rows.map((group) => ({
      ...group,
      lagText: formatCompact(group.lag),
      lagTime: formatDuration(group.lagSeconds),
      rate: formatRecordRate(group.consumeRate),
      catchUp: formatCatchUp(group),
      isLagging: group.lag > 0,
    })),
  );
  protected readonly linkQuery = computed(() => ({ range: this.range() === DEFAULT_RANGE ? null : this.range() }));
  protected readonly columns = ['groupId', 'severity', 'lag', 'lagSeconds', 'consumeRate', 'catchUpSeconds', 'trend'];
  protected readonly trackByGroup = (_: number, row: GroupTrend) => row.groupId;
}
