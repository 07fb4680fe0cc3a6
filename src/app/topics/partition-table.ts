import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { PartitionRow } from './topic.model';

/** A topic's partitions: where they live, whether their replicas keep up, what they hold. */
@Component({
  selector: 'kpc-partition-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatTooltipModule],
  template: `
    <table mat-table [dataSource]="partitions()" [trackBy]="trackByPartition" aria-label="Partitions" class="dense">
      <ng-container matColumnDef="partition">
        <th mat-header-cell *matHeaderCellDef>Partition</th>
        <td mat-cell *matCellDef="let row">{{ row.partition }}</td>
      </ng-container>
      <ng-container matColumnDef="leader">
        <th mat-header-cell *matHeaderCellDef>Leader</th>
        <td mat-cell *matCellDef="let row">{{ row.leaderText }}</td>
      </ng-container>
      <ng-container matColumnDef="replicas">
        <th mat-header-cell *matHeaderCellDef>Replicas</th>
        <td mat-cell *matCellDef="let row">{{ row.replicas.join(', ') }}</td>
      </ng-container>
      <ng-container matColumnDef="isr">
        <th mat-header-cell *matHeaderCellDef>In sync</th>
        <td mat-cell *matCellDef="let row">
          {{ row.isr.join(', ') }}
          @if (row.isUnderReplicated) {
            <span class="out-of-sync" matTooltip="Replicas that fell behind the leader">behind: {{ row.outOfSync.join(', ') }}</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="earliest">
        <th mat-header-cell *matHeaderCellDef class="numeric">Earliest offset</th>
        <td mat-cell *matCellDef="let row" class="numeric">{{ row.earliestOffset }}</td>
      </ng-container>
      <ng-container matColumnDef="latest">
        <th mat-header-cell *matHeaderCellDef class="numeric">Latest offset</th>
        <td mat-cell *matCellDef="let row" class="numeric">{{ row.latestOffset }}</td>
      </ng-container>
      <ng-container matColumnDef="messages">
        <th mat-header-cell *matHeaderCellDef class="numeric">Messages</th>
        <td mat-cell *matCellDef="let row" class="numeric">{{ row.messages }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns" [class.under-replicated]="row.isUnderReplicated"></tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
    }
    .dense {
      --mat-table-row-item-container-height: 36px;
      --mat-table-header-container-height: 40px;
    }
    .numeric {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .out-of-sync {
      margin-left: 8px;
      color: var(--kpc-warn);
      font-weight: 600;
    }
    .under-replicated {
      background: color-mix(in srgb, var(--kpc-warn) 10%, transparent);
    }
  `,
})
export class PartitionTable {
  readonly partitions = input.required<PartitionRow[]>();
  /** Rows kept across background updates: only the cells whose numbers moved change. */
  protected readonly trackByPartition = (_: number, row: PartitionRow) => row.partition;
  protected readonly columns = ['partition', 'leader', 'replicas', 'isr', 'earliest', 'latest', 'messages'];
}
