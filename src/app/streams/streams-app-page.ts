import { DOCUMENT } from '@angular/common';
import { MatDialog } from '@angular/material/dialog';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { AccessService } from '../access/access.service';
import { ConsumerGroupsService } from '../consumer-groups/consumer-groups.service';
import { NumberOrDashPipe } from '../consumer-groups/number-or-dash.pipe';
import { ReplayDialog, type ReplayDialogData } from '../consumer-groups/replay-dialog';
import { StateChip } from '../consumer-groups/state-chip';
import { changeRunner } from '../shared/change-runner';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { StateStoreTable, stateStoreRow } from './state-store-table';
import { StreamsMemberTable } from './streams-member-table';
import { formatRate } from './streams-format';
import { isLagging, protocolExplanation, protocolLabel, streamsStateTone } from './streams-rules';
import type { StreamsAppDetail } from './streams.model';
import { StreamsService } from './streams.service';
import { TaskLagTable } from './task-lag-table';
import { TopologyDescriptionDialog, type TopologyDescriptionData } from './topology-description-dialog';
import { TopologyDescriptionSection } from './topology-description-section';
import { TopologyGraph } from './topology-graph';
import { layoutSubtopology } from './topology-layout';

/** Why Replay waits while the app runs: Kafka refuses to move a group's offsets under its members. */
export const STOP_INSTANCES_FIRST = "Stop the app's instances first: its input offsets cannot move while members run";
/** What Replay does, as `kafka-streams-application-reset` does it. */
export const REPLAY_EXPLAINED =
  "Reset the app's input topics so it reads them again, as kafka-streams-application-reset does; its internal topics stay (delete them on their topic pages to rebuild state from scratch)";

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
    TopologyDescriptionSection,
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
  private readonly consumerGroups = inject(ConsumerGroupsService);
  private readonly dialog = inject(MatDialog);

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
  /** The repartition and changelog topics the app made, which the reset tool deletes. */
  protected readonly internalTopics = computed(() => {
    const subtopologies = this.current()?.subtopologies ?? [];
    const made = subtopologies
      .flatMap((s) => [...s.inputs, ...s.outputs, ...s.changelogs])
      .filter((use) => use.role !== 'source' && use.role !== 'sink');
    const stores = (this.current()?.stores ?? []).map((store) => store.changelogTopic);
    return [...new Set([...made.map((use) => use.topic), ...stores])].sort();
  });
  protected readonly stores = computed(() => {
    const changelogs = (this.current()?.subtopologies ?? []).flatMap((subtopology) => subtopology.changelogs);
    return (this.current()?.stores ?? []).map((store) => stateStoreRow(store, changelogs));
  });

  /** The app acts on the consumer group of its application id: that is what the operator role is checked on. */
  private readonly resource = computed(() => ({ kind: 'consumerGroup' as const, name: this.applicationId() }));
  /** Whether Replay shows at all: only to whom may reset the app's offsets (an `operator`). */
  protected readonly showsReplay = computed(() => this.access.can('operator', this.cluster(), this.resource()));
  /** A replay moves the app's group offsets: Kafka allows that only while no member runs. */
  protected readonly canReplay = computed(() => this.current()?.memberCount === 0);
  protected readonly replayTooltip = computed(() => (this.canReplay() ? REPLAY_EXPLAINED : STOP_INSTANCES_FIRST));
  /** What a replay resets: the topics the app reads that it did not make itself. */
  private readonly inputTopics = computed(
    () => new Set((this.current()?.subtopologies ?? []).flatMap((s) => s.inputs.filter((i) => i.role === 'source').map((i) => i.topic))),
  );

  /** Why the user may not give, replace or remove the app's description: that needs `operator`, as Replay does. */
  protected readonly whyNotDescribe = computed(() => this.access.whyNot('operator', this.cluster(), this.resource()));
  /** Removing the description; its failure shows on the page. */
  protected readonly removal = changeRunner();

  /** Reads the app fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.removal.clearError();
    this.detail.refresh();
  }

  /** Opens the dialog that takes the app's `Topology#describe()` output; reads the app again once it is saved. */
  protected openDescription(): void {
    this.dialog
      .open<TopologyDescriptionDialog, TopologyDescriptionData, StreamsAppDetail>(TopologyDescriptionDialog, {
        data: { cluster: this.cluster(), applicationId: this.applicationId(), text: this.current()?.topologyDescription?.text },
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved) => !!saved))
      .subscribe(() => this.detail.reload());
  }

  /** Forgets the app's description, once confirmed; the graphs then show only what the broker knows. */
  protected removeDescription(): void {
    this.removal.run({
      confirm: {
        title: "Remove the app's description",
        message:
          'Forget the topology description given for this app? Its plain sinks leave the graphs and it is no longer checked. The app itself is not touched.',
        confirmLabel: 'Remove',
      },
      call: () => this.streams.forgetTopologyDescription(this.cluster(), this.applicationId()),
      then: () => this.detail.reload(),
    });
  }

  /**
   * Opens the consumer groups' replay steps on the app's group, limited to its input topics:
   * preview, typed confirmation, audit and undo as for any group. Reads the app again after.
   */
  protected openReplay(): void {
    const inputs = this.inputTopics();
    this.consumerGroups.detail(this.cluster(), this.applicationId(), { fresh: true }).subscribe((group) => {
      const partitions = inputs.size ? group.partitions.filter((p) => inputs.has(p.topic)) : group.partitions;
      this.dialog
        .open<ReplayDialog, ReplayDialogData>(ReplayDialog, {
          data: { cluster: this.cluster(), group: { ...group, partitions } },
          width: '880px',
          maxWidth: '95vw',
          autoFocus: false,
        })
        .afterClosed()
        .subscribe(() => this.detail.reload());
    });
  }

  /** Scrolls to another sub-topology's graph, followed from a repartition topic they share. */
  protected showSubtopology(id: string): void {
    this.document.getElementById(`subtopology-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}
