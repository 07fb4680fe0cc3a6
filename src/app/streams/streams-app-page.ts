import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { AccessService } from '../access/access.service';
import { NumberOrDashPipe } from '../consumer-groups/number-or-dash.pipe';
import { StateChip } from '../consumer-groups/state-chip';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { StateStoreTable, stateStoreRow } from './state-store-table';
import { StreamsMemberTable } from './streams-member-table';
import { formatRate } from './streams-format';
import { isLagging, protocolExplanation, protocolLabel, streamsStateTone } from './streams-rules';
import { StreamsService } from './streams.service';
import { TaskLagTable } from './task-lag-table';
import { TopologyGraph } from './topology-graph';
import { layoutSubtopology } from './topology-layout';

/** Why Replay waits: the server resets a Streams app only with the application reset, still to come. */
export const REPLAY_NOT_YET = 'Replay for Streams apps comes with the application reset';

/**
 * `/clusters/:cluster/streams/:applicationId`: one Kafka Streams app, its sub-topologies drawn
 * as graphs with the live rate and lag on each input, lag per task, members with their tasks,
 * and state stores with their changelogs.
 */
@Component({
  selector: 'kpc-streams-app-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DataAge,
    ErrorPanel,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    NumberOrDashPipe,
    RouterLink,
    StateChip,
    StateStoreTable,
    StreamsMemberTable,
    TaskLagTable,
    TopologyGraph,
  ],
  templateUrl: './streams-app-page.html',
  styleUrl: './streams-app-page.scss',
})
export class StreamsAppPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** The application id, bound from the route (already decoded). */
  readonly applicationId = input.required<string>();

  private readonly streams = inject(StreamsService);
  private readonly access = inject(AccessService);
  private readonly document = inject(DOCUMENT);

  /** The app, read again every few seconds while the page is in sight, so its rates and lag move. */
  protected readonly detail = liveResource({
    params: () => ({ cluster: this.cluster(), applicationId: this.applicationId() }),
    read: (params, options) => this.streams.detail(params.cluster, params.applicationId, options),
  });
  protected readonly current = this.detail.value;
  protected readonly asOf = computed(() => this.current()?.asOf);
  /** A failure with nothing to show instead. */
  protected readonly error = computed(() => (this.detail.hasValue() ? undefined : this.detail.error()));
  /** A failed background update: the last answer stays, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.detail.hasValue() ? this.detail.error()?.message : undefined));
  protected readonly tone = computed(() => streamsStateTone(this.current()?.state ?? ''));
  protected readonly protocolLabel = computed(() => protocolLabel(this.current()?.protocol ?? 'streams'));
  protected readonly protocolExplanation = computed(() => protocolExplanation(this.current()?.protocol ?? 'streams'));
  protected readonly membersLabel = computed(() => {
    const count = this.current()?.memberCount ?? 0;
    return count === 1 ? '1 member' : `${count} members`;
  });
  protected readonly isLagging = computed(() => isLagging(this.current()?.totalLag ?? null));
  protected readonly consumeRate = computed(() => formatRate(this.current()?.consumeRate ?? null));

  /** Each sub-topology with its graph laid out, in the order the app numbers them. */
  protected readonly subtopologies = computed(() => {
    const all = this.current()?.subtopologies ?? [];
    return all.map((subtopology) => ({
      ...subtopology,
      layout: layoutSubtopology(subtopology, all),
      isLagging: isLagging(subtopology.lag),
    }));
  });
  protected readonly stores = computed(() => {
    const changelogs = (this.current()?.subtopologies ?? []).flatMap((subtopology) => subtopology.changelogs);
    return (this.current()?.stores ?? []).map((store) => stateStoreRow(store, changelogs));
  });

  /** The app acts on the consumer group of its application id: that is what the operator role is checked on. */
  private readonly resource = computed(() => ({ kind: 'consumerGroup' as const, name: this.applicationId() }));
  /** Whether Replay shows at all: only to whom may reset the app's offsets (an `operator`). */
  protected readonly showsReplay = computed(() => this.access.can('operator', this.cluster(), this.resource()));
  protected readonly replayTooltip = REPLAY_NOT_YET;

  /** Reads the app fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.detail.refresh();
  }

  /** Scrolls to another sub-topology's graph, followed from a repartition topic they share. */
  protected showSubtopology(id: string): void {
    this.document.getElementById(`subtopology-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}
