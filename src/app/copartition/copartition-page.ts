import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { filter, switchMap } from 'rxjs';
import { ConfirmService } from '../shared/confirm.service';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import type { CheckJob, CopartitionGroup, GroupHealth } from './copartition.model';
import { CopartitionService } from './copartition.service';
import { DeclareGroupDialog, type DeclareGroupData } from './declare-group-dialog';
import { GroupHealthCard, type GroupCardView } from './group-health-card';

/** `/clusters/:cluster/copartition`: whether joined topics really are co-partitioned. */
@Component({
  selector: 'kpc-copartition-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorPanel, GroupHealthCard, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './copartition-page.html',
  styleUrl: './copartition-page.scss',
})
export class CopartitionPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly copartition = inject(CopartitionService);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly health = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.copartition.health(cluster),
  });
  protected readonly error = computed(() => apiErrorOf(this.health.error()));
  /** Full checks started from this page, by group id. */
  private readonly jobs = signal<Record<string, CheckJob>>({});

  protected readonly cards = computed<GroupCardView[]>(() => {
    const groups: GroupHealth[] = this.health.hasValue() ? this.health.value() : [];
    return groups.map(({ group, report: quick }) => {
      const job = this.jobs()[group.id] ?? null;
      const report = job?.report ?? quick;
      return {
        group,
        report,
        badge: this.copartition.badge(report?.verdict ?? null),
        origin: this.copartition.originLabel(group.origin),
        isDeclared: this.copartition.isDeclared(group),
        job,
        percentDone: job ? this.copartition.percentDone(job) : 0,
        findings: (report?.findings ?? []).map((finding) => ({
          finding, title: this.copartition.causeTitle(finding.cause), rows: this.copartition.evidenceRows(finding, group.topics),
        })),
      };
    });
  });
  protected readonly counts = computed(() => {
    const cards = this.cards();
    return {
      broken: cards.filter((card) => card.badge.tone === 'error').length,
      atRisk: cards.filter((card) => card.badge.tone === 'warn').length,
      healthy: cards.filter((card) => card.badge.tone === 'ok').length,
    };
  });

  /** Reads the newest keys of every partition of the group's topics and judges them again. */
  protected checkGroup(group: CopartitionGroup): void {
    const subscription = this.copartition.runCheck(this.cluster(), group.topics).subscribe({
      next: (job) => this.jobs.update((jobs) => ({ ...jobs, [group.id]: job })),
      error: (error: unknown) => {
        const failure = apiErrorOf(error);
        this.jobs.update((jobs) => ({
          ...jobs,
          [group.id]: { id: '', status: 'failed', progress: { partitionsRead: 0, partitionsTotal: 0, recordsRead: 0 },
            error: { code: failure?.code ?? 'UNEXPECTED', message: failure?.message ?? 'The check failed' } },
        }));
      },
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  protected declareGroup(group?: CopartitionGroup): void {
    this.dialog
      .open<DeclareGroupDialog, DeclareGroupData, CopartitionGroup>(DeclareGroupDialog, { data: { cluster: this.cluster(), group }, width: '560px' })
      .afterClosed()
      .pipe(filter((saved) => !!saved))
      .subscribe(() => this.health.reload());
  }

  protected removeGroup(group: CopartitionGroup): void {
    this.confirm
      .confirm({ title: 'Remove co-partition group', message: `Stop checking ${group.name}? The topics are not touched.`, confirmLabel: 'Remove' })
      .pipe(filter(Boolean), switchMap(() => this.copartition.undeclare(this.cluster(), group.name)))
      .subscribe(() => this.health.reload());
  }

  protected refresh(): void {
    this.jobs.set({});
    this.health.reload();
  }
}
