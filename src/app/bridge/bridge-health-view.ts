import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';
import { AccessService } from '../access/access.service';
import { changeRunner } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { failedCheck, percentDone, recordText, restartPointView } from './bridge-rules';
import type { SequenceCheckJob } from './bridge.model';
import { BridgeService } from './bridge.service';
import { SequenceReportView } from './sequence-report-view';

/** Records a check reads unless the operator asks for another number. */
const DEFAULT_LIMIT = 10_000;

/**
 * The bridge's health of one topic (a tab of the topic page): the highest sequence published,
 * where each source connector publishing here resumes, the topic's sequence field, and a
 * bounded check of the sequence for gaps and duplicates.
 */
@Component({
  selector: 'kpc-bridge-health',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorPanel,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTooltipModule,
    RouterLink,
    SequenceReportView,
  ],
  templateUrl: './bridge-health-view.html',
  styleUrl: './bridge-health.scss',
})
export class BridgeHealthView {
  readonly cluster = input.required<string>();
  readonly topic = input.required<string>();

  private readonly bridge = inject(BridgeService);
  private readonly access = inject(AccessService);
  private readonly destroyRef = inject(DestroyRef);

  /** Bumped by Refresh: the next read asks Kafka anew. */
  private readonly freshReads = signal(0);
  protected readonly health = rxResource({
    params: () => ({ cluster: this.cluster(), topic: this.topic(), fresh: this.freshReads() }),
    stream: ({ params }) => this.bridge.health(params.cluster, params.topic, { fresh: params.fresh > 0 }),
  });
  protected readonly current = computed(() => (this.health.hasValue() ? this.health.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.health.error()));
  protected readonly published = computed(() => this.current()?.published);
  protected readonly publishedRecord = computed(() => recordText(this.published()?.record ?? null));
  protected readonly sources = computed(() =>
    (this.current()?.sources ?? []).map((source) => ({ ...source, points: source.restartPoints.map(restartPointView) })),
  );

  /** The settings as read, edited here until saved. */
  protected readonly sequenceField = linkedSignal(() => this.current()?.settings.sequenceField ?? 'sequence');
  protected readonly keyField = linkedSignal(() => this.current()?.settings.keyField ?? '');
  protected readonly settingsChange = changeRunner();
  /** Why the user may not change the sequence field (an operator change); undefined when they may. */
  protected readonly whyNotConfigure = computed(() =>
    this.access.whyNot('operator', this.cluster(), { kind: 'topic', name: this.topic() }),
  );
  protected readonly isSaveDisabled = computed(
    () => this.whyNotConfigure() !== undefined || this.settingsChange.isBusy() || !this.sequenceField().trim(),
  );

  protected readonly limit = signal(DEFAULT_LIMIT);
  protected readonly fromOffset = signal<number | null>(null);
  protected readonly job = signal<SequenceCheckJob | null>(null);
  protected readonly isChecking = computed(() => this.job()?.status === 'running');
  protected readonly percent = computed(() => {
    const job = this.job();
    return job ? percentDone(job) : 0;
  });
  #check: Subscription | undefined;

  constructor() {
    this.destroyRef.onDestroy(() => this.#check?.unsubscribe());
  }

  protected refresh(): void {
    this.freshReads.update((count) => count + 1);
  }

  protected saveSettings(): void {
    const change = { sequenceField: this.sequenceField().trim(), keyField: this.keyField().trim() || null };
    this.settingsChange.run({
      call: () => this.bridge.saveSettings(this.cluster(), this.topic(), change),
      success: (saved) => `The sequence of ${this.topic()} is now read from ${saved.sequenceField}`,
      then: () => this.health.reload(),
    });
  }

  /** Reads the chosen records and judges their sequence; not a change of the cluster, so no runner. */
  protected check(): void {
    this.#check?.unsubscribe();
    const fromOffset = this.fromOffset();
    const request = { limit: this.limit(), ...(fromOffset !== null && { fromOffset }) };
    this.#check = this.bridge.runCheck(this.cluster(), this.topic(), request).subscribe({
      next: (job) => this.job.set(job),
      error: (error: unknown) => this.job.set(failedCheck(apiErrorOf(error)!)),
    });
  }

  protected setLimit(value: string): void {
    this.limit.set(Math.max(1, Math.floor(Number(value)) || DEFAULT_LIMIT));
  }

  protected setFromOffset(value: string): void {
    this.fromOffset.set(value.trim() === '' ? null : Math.max(0, Math.floor(Number(value)) || 0));
  }
}
