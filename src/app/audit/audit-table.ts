import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { AuditRow } from './audit-format';

/** A record as the table shows it, with why the user may not undo it (undefined when they may). */
export type AuditTableRow = AuditRow & { whyNotUndo?: string };
import type { AuditRecord } from './audit.model';

/** The audit log: who changed what, when, before and after; offset resets can be undone. */
@Component({
  selector: 'kpc-audit-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatIconModule, MatTableModule, MatTooltipModule],
  template: `
    <table mat-table [dataSource]="records()" aria-label="Audit records">
      <ng-container matColumnDef="at">
        <th mat-header-cell *matHeaderCellDef>When</th>
        <td mat-cell *matCellDef="let r" class="nowrap">{{ r.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="actor">
        <th mat-header-cell *matHeaderCellDef>Who</th>
        <td mat-cell *matCellDef="let r">{{ r.actor }}</td>
      </ng-container>
      <ng-container matColumnDef="action">
        <th mat-header-cell *matHeaderCellDef>Action</th>
        <td mat-cell *matCellDef="let r">
          <span [title]="r.action">{{ r.actionLabel }}</span>
          <div class="muted">{{ r.parametersText }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="subject">
        <th mat-header-cell *matHeaderCellDef>Subject</th>
        <td mat-cell *matCellDef="let r" class="subject">
          <div class="muted">{{ r.subject.kind }}</div>
          <span class="name">{{ r.subject.name }}</span>
        </td>
      </ng-container>
      <ng-container matColumnDef="outcome">
        <th mat-header-cell *matHeaderCellDef>Outcome</th>
        <td mat-cell *matCellDef="let r">
          <span class="outcome" [class]="r.outcomeTone">{{ r.outcomeLabel }}</span>
          @if (r.error) {
            <div class="muted error">{{ r.error.message }}</div>
          }
          @if (r.integrityProblem) {
            <div class="integrity" [matTooltip]="r.integrityProblem" [attr.aria-label]="r.integrityProblem" role="note">
              <mat-icon inline>gpp_bad</mat-icon> {{ r.integrityLabel }}
            </div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="changes">
        <th mat-header-cell *matHeaderCellDef>Before → after</th>
        <td mat-cell *matCellDef="let r" class="changes">{{ r.changes }}</td>
      </ng-container>
      <ng-container matColumnDef="undo">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let r">
          @if (r.canUndo) {
            <!-- A disabled button takes no pointer events: the reason hangs on what holds it. -->
            <span [matTooltip]="r.whyNotUndo ?? ''" [matTooltipDisabled]="!r.whyNotUndo">
              <button mat-stroked-button [disabled]="!!r.whyNotUndo" (click)="undo.emit(r)"><mat-icon>undo</mat-icon> Undo</button>
            </span>
          } @else if (r.undoneBy) {
            <span class="muted">Undone</span>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell muted" [attr.colspan]="columns.length">Nothing changed through the console yet.</td>
      </tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .changes {
      font-family: monospace;
      font-size: 12px;
      max-width: 380px;
    }
    .subject {
      min-width: 140px;
      max-width: 260px;
    }
    .name {
      overflow-wrap: anywhere;
    }
    .changes {
      min-width: 280px;
    }
    td {
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .outcome {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 8px;
      font-size: 12px;
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
    }
    .outcome.applied {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .outcome.failed,
    .outcome.unknown {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .error {
      max-width: 260px;
    }
    .integrity {
      color: var(--mat-sys-error);
      font-size: 12px;
      max-width: 260px;
    }
  `,
})
export class AuditTable {
  readonly records = input.required<AuditTableRow[]>();
  readonly undo = output<AuditRecord>();
  protected readonly columns = ['at', 'actor', 'action', 'subject', 'outcome', 'changes', 'undo'];
}
