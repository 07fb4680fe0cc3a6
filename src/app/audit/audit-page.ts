import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { filter, switchMap } from 'rxjs';
import { ConsumerGroupsService } from '../consumer-groups/consumer-groups.service';
import type { ApiError } from '../shared/api-error';
import { ConfirmService } from '../shared/confirm.service';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { AuditTable, type AuditRow } from './audit-table';
import type { AuditRecord } from './audit.model';
import { AuditService } from './audit.service';

/** `/clusters/:cluster/audit`: what the console changed on this cluster, newest first. */
@Component({
  selector: 'kpc-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuditTable, ErrorPanel, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <header class="page-header">
      <div>
        <h1>Audit log</h1>
        <p class="subtitle">Every change made through the console, kept in the cluster's own <code>_kpc-audit</code> topic.</p>
      </div>
      <button mat-stroked-button (click)="refresh()"><mat-icon>refresh</mat-icon> Refresh</button>
    </header>
    @if (records.isLoading()) { <mat-progress-bar mode="indeterminate" aria-label="Loading" /> }
    @if (error(); as error) { <kpc-error-panel [error]="error" title="Cannot read the audit log" (retry)="refresh()" /> }
    @if (undoError(); as error) { <kpc-error-panel [error]="error" title="Nothing was undone" (retry)="undoError.set(undefined)" /> }
    @if (hasRecords()) { <kpc-audit-table [records]="rows()" (undo)="undo($event)" /> }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 16px; }
    .page-header { display: flex; justify-content: space-between; align-items: flex-start; }
    h1 { margin: 0; font: var(--mat-sys-headline-medium); }
    .subtitle { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AuditPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly audit = inject(AuditService);
  private readonly consumerGroups = inject(ConsumerGroupsService);
  private readonly confirmService = inject(ConfirmService);

  protected readonly records = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.audit.list(cluster),
  });
  // A resource in error throws from value(): read it only through this.
  private readonly current = computed(() => (this.records.hasValue() ? this.records.value().items : undefined));
  protected readonly hasRecords = computed(() => this.current() !== undefined);
  protected readonly error = computed(() => apiErrorOf(this.records.error()));
  protected readonly undoError = signal<ApiError | undefined>(undefined);
  protected readonly rows = computed<AuditRow[]>(() =>
    (this.current() ?? []).map((record) => ({
      ...record,
      canUndo: this.audit.canUndo(record),
      actionLabel: ACTION_LABELS[record.action] ?? record.action,
      changes: describeChanges(record),
      parametersText: Object.entries(record.parameters)
        // The topics show in the changes; the undone reset's id means nothing to a reader.
        .filter(([name]) => name !== 'topics' && name !== 'auditId')
        .map(([name, value]) => `${name}: ${shortJson(value)}`)
        .join(', '),
    })),
  );

  /** Reads the audit log again. */
  protected refresh(): void {
    this.records.reload();
  }

  /** Undoes an offset reset after asking; the server refuses while the group has members. */
  protected undo(record: AuditRecord): void {
    this.undoError.set(undefined);
    this.confirmService
      .confirm({
        title: 'Undo offset reset',
        message: `Puts the offsets of ${record.subject.name} back where they were before this reset.`,
        confirmLabel: 'Undo reset',
      })
      .pipe(filter(Boolean), switchMap(() => this.consumerGroups.undo(this.cluster(), record.subject.name, record.id)))
      .subscribe({ next: () => this.refresh(), error: (error: unknown) => this.undoError.set(apiErrorOf(error)) });
  }
}

const ACTION_LABELS: Record<string, string> = {
  'consumer-group.offsets.reset': 'Offsets reset',
  'consumer-group.offsets.undo': 'Offset reset undone',
};

/**
 * "topic p0: 8 → 0, p1: — → 0" for records whose before and after are partition offsets;
 * other features record other shapes, shown as short JSON.
 */
function describeChanges(record: AuditRecord): string {
  const before = record.before;
  const after = record.after;
  if (!isOffsetList(before) || !isOffsetList(after)) return `${shortJson(before)} → ${shortJson(after)}`;
  const byTopic = new Map<string, string[]>();
  for (const [i, b] of before.entries()) {
    byTopic.set(b.topic, [...(byTopic.get(b.topic) ?? []), `p${b.partition}: ${b.offset ?? '—'} → ${after[i]?.offset ?? '—'}`]);
  }
  return [...byTopic].map(([topic, changes]) => `${topic} ${changes.join(', ')}`).join('; ');
}

type PartitionOffset = { topic: string; partition: number; offset: number | null };

function isOffsetList(value: unknown): value is PartitionOffset[] {
  return Array.isArray(value) && value.every((item) => typeof item?.topic === 'string' && typeof item?.partition === 'number');
}

function shortJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const json = typeof value === 'string' ? value : JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}
