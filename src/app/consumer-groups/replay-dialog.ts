import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule } from '@angular/material/stepper';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { changeRunner } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import type { ConsumerGroupDetail, OffsetChangeResult, OffsetResetRequest, ResetMode } from './consumer-group.model';
import { ConsumerGroupsService } from './consumer-groups.service';
import { NumberOrDashPipe } from './number-or-dash.pipe';

export interface ReplayDialogData {
  cluster: string;
  group: ConsumerGroupDetail;
}

/** The modes as the operator reads them. */
const MODES: { mode: ResetMode; label: string }[] = [
  { mode: 'duration', label: 'Back in time' },
  { mode: 'timestamp', label: 'From a date-time' },
  { mode: 'earliest', label: 'Earliest' },
  { mode: 'latest', label: 'Latest' },
  { mode: 'shift', label: 'Shift by' },
  { mode: 'offset', label: 'Exact offset' },
];

/**
 * Replay in steps: choose topics and partitions, choose where to start, see the server's
 * preview, type the group id to confirm, see the result (with undo). The server checks the
 * group is idle again when the reset is applied.
 */
@Component({
  selector: 'kpc-replay-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNativeDateAdapter()],
  imports: [
    DatePipe,
    DecimalPipe,
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatStepperModule,
    MatTimepickerModule,
    NumberOrDashPipe,
  ],
  templateUrl: './replay-dialog.html',
  styleUrl: './replay-dialog.scss',
})
export class ReplayDialog {
  private readonly consumerGroups = inject(ConsumerGroupsService);
  protected readonly data = inject<ReplayDialogData>(MAT_DIALOG_DATA);
  // The reset and its undo fail into the same panel, under the confirm step.
  protected readonly change = changeRunner();
  protected readonly modes = MODES;
  protected readonly durationShortcuts = ['PT15M', 'PT1H', 'PT6H', 'P1D', 'P7D'];

  /** Per topic of the group, its partitions. */
  protected readonly topics = Object.entries(
    this.data.group.partitions.reduce<Record<string, number[]>>(
      (all, p) => ({ ...all, [p.topic]: [...(all[p.topic] ?? []), p.partition] }),
      {},
    ),
  ).map(([topic, partitions]) => ({ topic, partitions }));
  /** Chosen partitions per topic; every partition of every topic to begin with. */
  protected readonly chosen = signal<Record<string, number[]>>(Object.fromEntries(this.topics.map((t) => [t.topic, t.partitions])));
  protected readonly topicChoices = computed(() =>
    this.topics.map((t) => {
      const chosen = this.chosen()[t.topic] ?? [];
      return { ...t, chosen, isChosen: chosen.length > 0 };
    }),
  );
  protected readonly mode = signal<ResetMode>('duration');
  protected readonly duration = signal('PT1H');
  protected readonly dateTime = signal<Date | null>(new Date(Date.now() - 3_600_000));
  protected readonly shift = signal(-100);
  protected readonly offset = signal(0);
  protected readonly typedGroupId = signal('');

  protected readonly hasTopics = computed(() => Object.values(this.chosen()).some((partitions) => partitions.length > 0));
  protected readonly request = computed<OffsetResetRequest>(() => ({
    topics: this.topics
      .filter((t) => (this.chosen()[t.topic] ?? []).length > 0)
      .map((t) => {
        const partitions = this.chosen()[t.topic]!;
        return partitions.length === t.partitions.length ? { topic: t.topic } : { topic: t.topic, partitions };
      }),
    mode: this.mode(),
    ...this.modeValue(),
  }));
  protected readonly isModeComplete = computed(() => this.mode() !== 'timestamp' || this.dateTime() !== null);

  /** Set when the preview step opens; the preview is asked for again whenever it changes. */
  private readonly previewed = signal<OffsetResetRequest | undefined>(undefined);
  protected readonly preview = rxResource({
    params: () => this.previewed(),
    stream: ({ params }) => this.consumerGroups.previewReset(this.data.cluster, this.data.group.groupId, params),
  });
  protected readonly currentPreview = computed(() => (this.preview.hasValue() ? this.preview.value() : undefined));
  protected readonly previewError = computed(() => apiErrorOf(this.preview.error()));
  protected readonly hasActiveMembers = computed(() => (this.currentPreview()?.activeMembers.length ?? 0) > 0);
  protected readonly hasResolvedTimestamp = computed(() => (this.currentPreview()?.resolvedTimestamp ?? null) !== null);
  /** Whether the preview is in and nothing consumes, so the operator may go on to confirm. */
  protected readonly isPreviewReady = computed(() => !!this.currentPreview() && !this.hasActiveMembers());

  protected readonly result = signal<OffsetChangeResult | undefined>(undefined);
  protected readonly undone = signal<OffsetChangeResult | undefined>(undefined);
  /** What the offsets did last: the undo once there is one, else the reset. */
  protected readonly shownResult = computed(() => this.undone() ?? this.result());
  protected readonly canApply = computed(
    () => this.isPreviewReady() && this.typedGroupId() === this.data.group.groupId && !this.change.isBusy() && !this.result(),
  );
  protected readonly canUndo = computed(() => !!this.result() && !this.undone() && !this.change.isBusy());
  protected readonly closeLabel = computed(() => (this.result() ? 'Close' : 'Cancel'));

  /** Selects or clears every partition of a topic. */
  protected toggleTopic(topic: string, all: number[], isChosen: boolean): void {
    this.chosen.update((chosen) => ({ ...chosen, [topic]: isChosen ? all : [] }));
  }

  protected choosePartitions(topic: string, partitions: number[]): void {
    this.chosen.update((chosen) => ({ ...chosen, [topic]: [...partitions].sort((a, b) => a - b) }));
  }

  /** Asks the server for the preview when its step opens. */
  protected stepChanged(selectedIndex: number): void {
    if (selectedIndex === 2) this.previewed.set(this.request());
  }

  /** Applies exactly the previewed targets; the dialog then shows where they moved. */
  protected apply(): void {
    const preview = this.currentPreview();
    const request = this.previewed();
    if (!preview || !request) return;
    this.change.run({
      call: () => this.consumerGroups.reset(this.data.cluster, this.data.group.groupId, request, preview),
      then: (result) => this.result.set(result),
      // The offsets moved since the preview (another reset, a consumer): show where they are now,
      // so the operator decides again on what is true; the error above says what moved.
      failed: (error) => {
        if (error.code === 'PREVIEW_OUTDATED') this.preview.reload();
      },
    });
  }

  /** Puts back the offsets the reset found. */
  protected undo(): void {
    const result = this.result();
    if (!result) return;
    this.change.run({
      call: () => this.consumerGroups.undo(this.data.cluster, this.data.group.groupId, result.auditId),
      then: (undone) => this.undone.set(undone),
    });
  }

  /** Tries the failed step again: the undo once a reset went through, else the reset. */
  protected retry(): void {
    if (this.result()) this.undo();
    else this.apply();
  }

  private modeValue(): { value?: string | number } {
    switch (this.mode()) {
      case 'duration':
        return { value: this.duration() };
      case 'timestamp':
        return { value: this.dateTime()?.toISOString() ?? '' };
      case 'shift':
        return { value: this.shift() };
      case 'offset':
        return { value: this.offset() };
      default:
        return {};
    }
  }
}
