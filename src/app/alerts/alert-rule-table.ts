import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { AlertRuleView } from './alerts.model';

/** A rule as the table shows it. */
export interface AlertRuleRow {
  rule: AlertRuleView;
  statusLabel: string;
  condition: string;
  /** What it fires for now, e.g. "billing, orders". */
  firingFor: string;
  webhook: string;
  /** How the last test from this page went; empty before one. */
  lastTest: string;
}

/** The cluster's alert rules: status, what they watch, where they post; test, edit, delete. */
@Component({
  selector: 'kpc-alert-rule-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatTableModule, MatTooltipModule],
  template: `
    <table mat-table [dataSource]="rows()" aria-label="Alert rules">
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let r">
          <span class="status" [class]="r.rule.status">{{ r.statusLabel }}</span>
          @if (r.firingFor) {
            <div class="muted">{{ r.firingFor }}</div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Rule</th>
        <td mat-cell *matCellDef="let r">
          <span class="name">{{ r.rule.name }}</span>
          <div class="muted">{{ r.condition }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="webhook">
        <th mat-header-cell *matHeaderCellDef>Webhook</th>
        <td mat-cell *matCellDef="let r">
          {{ r.webhook }}
          @if (r.lastTest) {
            <div class="muted test" role="status">Test: {{ r.lastTest }}</div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let r" class="actions">
          <!-- A disabled button takes no pointer events: the reason hangs on what holds it. -->
          <span [matTooltip]="whyNotChange() ?? ''" [matTooltipDisabled]="!whyNotChange()">
            <button mat-stroked-button [disabled]="!!whyNotChange() || isBusy()" (click)="test.emit(r.rule)">Test</button>
            <button mat-icon-button [disabled]="!!whyNotChange()" (click)="edit.emit(r.rule)" [attr.aria-label]="'Edit ' + r.rule.name">
              <mat-icon>edit</mat-icon>
            </button>
            <button mat-icon-button [disabled]="!!whyNotChange()" (click)="remove.emit(r.rule)" [attr.aria-label]="'Delete ' + r.rule.name">
              <mat-icon>delete</mat-icon>
            </button>
          </span>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell muted" [attr.colspan]="columns.length">No alert rule yet: add one to be told when something goes wrong.</td>
      </tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
    .name {
      font-weight: 500;
    }
    .status.firing {
      color: var(--kpc-error);
      font-weight: 500;
    }
    .status.ok {
      color: var(--kpc-ok);
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
  `,
})
export class AlertRuleTable {
  readonly rows = input.required<AlertRuleRow[]>();
  /** Why the user may not change rules; undefined when they may. */
  readonly whyNotChange = input<string | undefined>();
  /** Whether a test or change is under way. */
  readonly isBusy = input(false);
  readonly test = output<AlertRuleView>();
  readonly edit = output<AlertRuleView>();
  readonly remove = output<AlertRuleView>();
  protected readonly columns = ['status', 'name', 'webhook', 'actions'];
}
