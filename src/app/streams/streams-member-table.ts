import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { StreamsMember } from './streams.model';

/** The members of a Streams app, the instance each belongs to, and the tasks each holds. */
@Component({
  selector: 'kpc-streams-member-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule],
  template: `
    <table mat-table [dataSource]="members()" [trackBy]="trackByMemberId" aria-label="Members">
      <ng-container matColumnDef="clientId">
        <th mat-header-cell *matHeaderCellDef>Client id</th>
        <td mat-cell *matCellDef="let member" [title]="'Member ' + member.memberId">{{ member.clientId }}</td>
      </ng-container>
      <ng-container matColumnDef="host">
        <th mat-header-cell *matHeaderCellDef>Host</th>
        <td mat-cell *matCellDef="let member">{{ member.host }}</td>
      </ng-container>
      <ng-container matColumnDef="processId">
        <th mat-header-cell *matHeaderCellDef>Instance</th>
        <td mat-cell *matCellDef="let member" class="process">{{ member.instanceId ?? member.processId }}</td>
      </ng-container>
      <ng-container matColumnDef="active">
        <th mat-header-cell *matHeaderCellDef>Active tasks</th>
        <td mat-cell *matCellDef="let member">{{ member.activeTasks.join(', ') || '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="standby">
        <th mat-header-cell *matHeaderCellDef>Standby tasks</th>
        <td mat-cell *matCellDef="let member">{{ member.standbyTasks.join(', ') || '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="warmup">
        <th mat-header-cell *matHeaderCellDef>Warm-up tasks</th>
        <td mat-cell *matCellDef="let member">{{ member.warmupTasks.join(', ') || '—' }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
    }
    .process {
      font-size: 13px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StreamsMemberTable {
  readonly members = input.required<StreamsMember[]>();
  protected readonly trackByMemberId = (_: number, member: StreamsMember) => member.memberId;
  protected readonly columns = ['clientId', 'host', 'processId', 'active', 'standby', 'warmup'];
}
