import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { filter } from 'rxjs';
import { AccessService } from '../access/access.service';
import { changeRunner } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { failedCheck, groupCardView, verdictCounts } from './copartition-rules';
import type { CheckJob, CopartitionGroup, GroupCardView } from './copartition.model';
import { CopartitionService } from './copartition.service';
import { DeclareGroupDialog, type DeclareGroupData } from './declare-group-dialog';
import { GroupHealthCard } from './group-health-card';

/** `/clusters/:cluster/copartition`: whether joined topics really are co-partitioned. */
@Component({
  selector: 'kpc-copartition-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorPanel, GroupHealthCard, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './copartition-page.html',
  styleUrl: './copartition-page.scss',
})
export class CopartitionPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly copartition = inject(CopartitionService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly access = inject(AccessService);
  protected readonly removal = changeRunner();

  protected readonly health = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.copartition.health(cluster),
  });
  protected readonly error = computed(() => apiErrorOf(this.health.error()));
  /** Full checks started from this page, by group id. */
  private readonly jobs = signal<Record<string, CheckJob>>({});

  protected readonly cards = computed<GroupCardView[]>(() =>
    (this.health.hasValue() ? this.health.value() : []).map(({ group, report, problem }) =>
      groupCardView(group, report, this.jobs()[group.id] ?? null, problem ?? null),
    ),
  );
  protected readonly counts = computed(() => verdictCounts(this.cards()));
  /**
   * Why the user may not declare, edit or remove groups: declarations belong to the whole
   * cluster, so this needs `admin` not narrowed to any name pattern. Undefined when they may.
   */
  protected readonly whyNotDeclare = computed(() => this.access.whyNot('admin', this.cluster(), { kind: undefined }));
  protected readonly canDeclare = computed(() => this.whyNotDeclare() === undefined);

  /**
   * Reads the newest keys of every partition of the group's topics and judges them again.
   * Not a change of the cluster, and several groups may be checked at once, so no runner:
   * each card shows its own progress and failure.
   */
  protected checkGroup(group: CopartitionGroup): void {
    const subscription = this.copartition.runCheck(this.cluster(), group.topics).subscribe({
      next: (job) => this.setJob(group, job),
      error: (error: unknown) => this.setJob(group, failedCheck(apiErrorOf(error)!)),
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  /** Opens the dialog that declares a group, or edits a declared one; reads the groups again once it saved. */
  protected declareGroup(group?: CopartitionGroup): void {
    this.dialog
      .open<DeclareGroupDialog, DeclareGroupData, CopartitionGroup>(DeclareGroupDialog, {
        data: { cluster: this.cluster(), group },
        width: '560px',
      })
      .afterClosed()
      .pipe(filter((saved) => !!saved))
      .subscribe(() => this.health.reload());
  }

  protected removeGroup(group: CopartitionGroup): void {
    this.removal.run({
      confirm: {
        title: 'Remove co-partition group',
        message: `Stop checking ${group.name}? The topics are not touched.`,
        confirmLabel: 'Remove',
      },
      call: () => this.copartition.undeclare(this.cluster(), group.name),
      success: `Removed ${group.name}`,
      then: () => this.health.reload(),
    });
  }

  /** Forgets the checks run here and reads the quick reports again. */
  protected refresh(): void {
    this.jobs.set({});
    this.removal.clearError();
    this.health.reload();
  }

  private setJob(group: CopartitionGroup, job: CheckJob): void {
    this.jobs.update((jobs) => ({ ...jobs, [group.id]: job }));
  }
}
