import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AccessService } from '../access/access.service';
import { ConsumerGroupsService } from '../consumer-groups/consumer-groups.service';
import { changeRunner } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { auditRow } from './audit-format';
import { AuditFilters } from './audit-filters';
import { AuditTable, type AuditTableRow } from './audit-table';
import type { AuditRecord } from './audit.model';
import { AuditService, type AuditFilter } from './audit.service';

/** How many signs of tampering show before the operator asks for the rest. */
const FIRST_WARNINGS = 5;

/** `/clusters/:cluster/audit`: what the console changed on this cluster, newest first. */
@Component({
  selector: 'kpc-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuditFilters, AuditTable, ErrorPanel, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <header class="page-header">
      <div>
        <h1>Audit log</h1>
        <p class="subtitle">Every change made through the console, kept in the cluster's own <code>_kpc-audit</code> topic.</p>
      </div>
      <div class="actions">
        <a mat-stroked-button [href]="csvUrl()" download><mat-icon>download</mat-icon> Export CSV</a>
        <a mat-stroked-button [href]="jsonUrl()" download><mat-icon>download</mat-icon> Export JSON</a>
        <button mat-stroked-button (click)="refresh()"><mat-icon>refresh</mat-icon> Refresh</button>
      </div>
    </header>
    <kpc-audit-filters [filter]="filter()" (filterChange)="filter.set($event)" />
    @if (isWorking()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading" />
    }
    @if (error(); as error) {
      <kpc-error-panel [error]="error" title="Cannot read the audit log" (retry)="refresh()" />
    }
    @if (undoing.error(); as error) {
      <kpc-error-panel [error]="error" title="Nothing was undone" (retry)="undoing.clearError()" />
    }
    @if (hasIntegrityWarnings()) {
      <div class="integrity-warnings" role="alert">
        <mat-icon>gpp_bad</mat-icon>
        <div>
          <strong>Another Kafka client changed this audit log</strong>
          <ul>
            @for (warning of shownWarnings(); track warning) {
              <li>{{ warning }}</li>
            }
          </ul>
          @if (hiddenWarningCount()) {
            <button mat-button (click)="showAllWarnings.set(true)">Show {{ hiddenWarningCount() }} more</button>
          }
        </div>
      </div>
    }
    @if (hasRecords()) {
      <kpc-audit-table [records]="rows()" (undo)="undo($event)" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .integrity-warnings {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .integrity-warnings ul {
      margin: 4px 0 0;
      padding-left: 18px;
    }
  `,
})
export class AuditPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly audit = inject(AuditService);
  private readonly consumerGroups = inject(ConsumerGroupsService);
  private readonly access = inject(AccessService);

  /** What the log is narrowed to; a change reads it again. */
  protected readonly filter = signal<AuditFilter>({});
  protected readonly records = rxResource({
    params: () => ({ cluster: this.cluster(), filter: this.filter() }),
    stream: ({ params }) => this.audit.list(params.cluster, params.filter),
  });
  protected readonly csvUrl = computed(() => this.audit.exportUrl(this.cluster(), this.filter(), 'csv'));
  protected readonly jsonUrl = computed(() => this.audit.exportUrl(this.cluster(), this.filter(), 'json'));
  // A resource in error throws from value(): read it only through this.
  private readonly current = computed(() => (this.records.hasValue() ? this.records.value().items : undefined));
  protected readonly hasRecords = computed(() => this.current() !== undefined);
  protected readonly integrityWarnings = computed(() => (this.records.hasValue() ? this.records.value().integrityWarnings : []));
  protected readonly hasIntegrityWarnings = computed(() => this.integrityWarnings().length > 0);
  protected readonly showAllWarnings = signal(false);
  protected readonly shownWarnings = computed(() =>
    this.showAllWarnings() ? this.integrityWarnings() : this.integrityWarnings().slice(0, FIRST_WARNINGS),
  );
  protected readonly hiddenWarningCount = computed(() => this.integrityWarnings().length - this.shownWarnings().length);
  protected readonly error = computed(() => apiErrorOf(this.records.error()));
  // Undoing a reset is a reset of that group's offsets: it needs the operator role on the group.
  protected readonly rows = computed(() =>
    (this.current() ?? []).map((record): AuditTableRow => ({
      ...auditRow(record),
      whyNotUndo: this.access.whyNot('operator', this.cluster(), { kind: 'consumerGroup', name: record.subject.name }),
    })),
  );
  /** The page's one change, undoing a reset; its failure shows above the table. */
  protected readonly undoing = changeRunner();
  protected readonly isWorking = computed(() => this.records.isLoading() || this.undoing.isBusy());

  /** Reads the audit log again. */
  protected refresh(): void {
    this.records.reload();
  }

  /** Undoes an offset reset after asking; the server refuses while the group has members. */
  protected undo(record: AuditRecord): void {
    this.undoing.run({
      confirm: {
        title: 'Undo offset reset',
        message: `Puts the offsets of ${record.subject.name} back where they were before this reset.`,
        confirmLabel: 'Undo reset',
      },
      call: () => this.consumerGroups.undo(this.cluster(), record.subject.name, record.id),
      // The reloaded log says it: the reset reads "Undone", the undo is listed above it.
      then: () => this.refresh(),
    });
  }
}
