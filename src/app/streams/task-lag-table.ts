import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { NumberOrDashPipe } from '../consumer-groups/number-or-dash.pipe';
import type { StreamsTask } from './streams.model';

/** The tasks of one sub-topology: where each runs, its standbys, and how far behind it is. */
@Component({
  selector: 'kpc-task-lag-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, NumberOrDashPipe],
  template: `
    <table mat-table [dataSource]="tasks()" [trackBy]="trackByTaskId" [attr.aria-label]="label()">
      <ng-container matColumnDef="taskId">
        <th mat-header-cell *matHeaderCellDef>Task</th>
        <td mat-cell *matCellDef="let task">{{ task.taskId }}</td>
      </ng-container>
      <ng-container matColumnDef="activeOn">
        <th mat-header-cell *matHeaderCellDef>Active on</th>
        <td mat-cell *matCellDef="let task">
          @if (task.activeOn) {
            {{ task.activeOn }}
          } @else {
            <span class="none" title="No member runs this task">unassigned</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="standbyOn">
        <th mat-header-cell *matHeaderCellDef>Standby on</th>
        <td mat-cell *matCellDef="let task">{{ task.standbyOn.join(', ') || '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="lag">
        <th mat-header-cell *matHeaderCellDef class="numeric">Lag</th>
        <td mat-cell *matCellDef="let task" class="numeric" [class.lagging]="(task.lag ?? 0) > 0">{{ task.lag | numberOrDash }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
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
  `,
})
export class TaskLagTable {
  readonly tasks = input.required<StreamsTask[]>();
  /** What the table is named for assistive technology, e.g. `Tasks of sub-topology 0`. */
  readonly label = input('Tasks');
  /** Rows kept across background updates: only the cells whose numbers moved change. */
  protected readonly trackByTaskId = (_: number, task: StreamsTask) => task.taskId;
  protected readonly columns = ['taskId', 'activeOn', 'standbyOn', 'lag'];
}
