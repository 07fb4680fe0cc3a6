import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AlertEventRow } from './alert-format';

/** What fired and when it cleared, newest first, with how the webhook was told. */
@Component({
  selector: 'kpc-alert-history-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule],
  template: `
    <table mat-table [dataSource]="rows()" aria-label="Alert history">
      <ng-container matColumnDef="firedAt">
        <th mat-header-cell *matHeaderCellDef>Fired at</th>
        <td mat-cell *matCellDef="let r" class="nowrap">{{ r.firedAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="cleared">
        <th mat-header-cell *matHeaderCellDef>Cleared at</th>
        <td mat-cell *matCellDef="let r" class="nowrap" [class.firing]="r.isFiring">
          @if (r.clearedAt) {
            {{ r.clearedAt | date: 'yyyy-MM-dd HH:mm:ss' }}{{ r.clearedNote }}
          } @else {
            Still firing
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="rule">
        <th mat-header-cell *matHeaderCellDef>Rule</th>
        <td mat-cell *matCellDef="let r">{{ r.ruleName }}</td>
      </ng-container>
      <ng-container matColumnDef="what">
        <th mat-header-cell *matHeaderCellDef>What</th>
        <td mat-cell *matCellDef="let r">{{ r.summary }}</td>
      </ng-container>
      <ng-container matColumnDef="delivery">
        <th mat-header-cell *matHeaderCellDef>Delivery</th>
        <td mat-cell *matCellDef="let r" class="muted">{{ r.delivery }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell muted" [attr.colspan]="columns.length">Nothing has fired in the last 30 days.</td>
      </tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
    }
    .firing {
      color: var(--kpc-error);
      font-weight: 500;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AlertHistoryTable {
  readonly rows = input.required<AlertEventRow[]>();
  protected readonly columns = ['firedAt', 'cleared', 'rule', 'what', 'delivery'];
}
