import type { ComponentType } from '@angular/cdk/portal';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { rxResource } from '@angular/core/rxjs-interop';
import { AccessService } from '../access/access.service';
import { TopicThroughput } from '../metrics/topic-throughput';
import { BridgeHealthView } from '../bridge/bridge-health-view';
import { BridgeService } from '../bridge/bridge.service';
import { changeRunner } from '../shared/change-runner';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { AddPartitionsDialog, type AddPartitionsData } from './add-partitions-dialog';
import { ConfigTable } from './config-table';
import { MessageBrowser } from './message-browser';
import { PartitionTable } from './partition-table';
import { ProduceMessageDialog, type ProduceMessageData } from './produce-message-dialog';
import { formatCount } from './topic-format';
import type { ConfigChange } from './topic.model';
import { partitionRow, topicMessageCount } from './topic-rules';
import { TopicsService } from './topics.service';

/** The tabs, in order, by the name `?tab=` uses. */
const TABS = ['partitions', 'throughput', 'configs', 'messages', 'consumers', 'bridge'] as const;

/** `/clusters/:cluster/topics/:topic`: one topic, its partitions, throughput, configs, messages and readers. */
@Component({
  selector: 'kpc-topic-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BridgeHealthView,
    ConfigTable,
    DataAge,
    ErrorPanel,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    MatTooltipModule,
    MessageBrowser,
    PartitionTable,
    RouterLink,
    TopicThroughput,
  ],
  templateUrl: './topic-page.html',
  styleUrl: './topic-page.scss',
})
export class TopicPage {
  /** Bound from the route. */
  readonly cluster = input.required<string>();
  readonly topic = input.required<string>();
  /** Query parameter: the open tab. */
  readonly tab = input<string>();

  private readonly topics = inject(TopicsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly access = inject(AccessService);
  private readonly bridge = inject(BridgeService);

  /** The topic, read again every few seconds while the page is in sight. */
  private readonly detail = liveResource({
    params: () => ({ cluster: this.cluster(), topic: this.topic() }),
    read: (params, options) => this.topics.detail(params.cluster, params.topic, options),
  });
  protected readonly current = this.detail.value;
  protected readonly asOf = computed(() => this.current()?.asOf);
  /** A failure with nothing to show instead. */
  protected readonly error = computed(() => (this.detail.hasValue() ? undefined : this.detail.error()));
  /** A failed background update: the last answer stays, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.detail.hasValue() ? this.detail.error()?.message : undefined));
  protected readonly isInternal = computed(() => this.current()?.internal ?? false);
  /** Why the console refuses changes to this topic (one of its own); null when it allows them. */
  protected readonly readOnlyReason = computed(() => this.current()?.readOnlyReason ?? null);
  protected readonly isReadOnly = computed(() => this.readOnlyReason() !== null);
  private readonly resource = computed(() => ({ kind: 'topic' as const, name: this.topic() }));
  /** Why the user may not produce to this topic (the console's own topics first, then the role); undefined when they may. */
  protected readonly whyNotProduce = computed(
    () => this.readOnlyReason() ?? this.access.whyNot('operator', this.cluster(), this.resource()),
  );
  protected readonly canProduce = computed(() => this.whyNotProduce() === undefined);
  /** Why the user may not change this topic (configs, partitions, purge, delete); undefined when they may. */
  protected readonly whyNotChange = computed(() => this.readOnlyReason() ?? this.access.whyNot('admin', this.cluster(), this.resource()));
  protected readonly canChange = computed(() => this.whyNotChange() === undefined);
  protected readonly partitionCount = computed(() => this.current()?.partitions.length ?? 0);
  protected readonly replicationFactor = computed(() => this.current()?.partitions[0]?.replicas.length ?? 0);
  protected readonly messageCount = computed(() => {
    const partitions = this.current()?.partitions;
    return formatCount(partitions ? topicMessageCount(partitions) : null);
  });
  protected readonly partitionRows = computed(() => (this.current()?.partitions ?? []).map(partitionRow));
  /** The configs as last read or as the last change answered them. */
  protected readonly configs = linkedSignal(() => this.current()?.configs ?? []);
  protected readonly trackByGroupId = (_: number, group: { groupId: string }) => group.groupId;
  protected readonly consumerGroups = computed(() =>
    (this.current()?.consumerGroups ?? []).map((group) => ({ ...group, isLagging: group.lag > 0 })),
  );
  protected readonly hasConsumerGroups = computed(() => this.consumerGroups().length > 0);
  protected readonly consumersTabLabel = computed(() => `Consumers (${this.consumerGroups().length})`);
  /** The source connectors publishing here: the Bridge health tab is there only when there is one. */
  private readonly hasTopic = computed(() => this.current() !== undefined);
  private readonly bridgeSources = rxResource({
    // Asked once the topic is known to exist, and not again on every background read of it.
    params: () => (this.hasTopic() ? { cluster: this.cluster(), topic: this.topic() } : undefined),
    stream: ({ params }) => this.bridge.sources(params.cluster, params.topic),
  });
  protected readonly isBridged = computed(() => this.bridgeSources.hasValue() && this.bridgeSources.value().sources.length > 0);
  /**
   * Whether the tabs can be drawn: a link to the Bridge health tab waits for the sources, since
   * the tab group would settle on another tab while that one is not there yet.
   */
  protected readonly showsTabs = computed(() => !!this.current() && (this.tab() !== 'bridge' || !this.bridgeSources.isLoading()));
  protected readonly selectedTab = computed(() => Math.max(0, TABS.indexOf(this.tab() as (typeof TABS)[number])));

  /** Purge and delete: their failure shows at the top of the page. */
  protected readonly change = changeRunner();
  /** Config edits: their failure shows under the editor of the config that failed. */
  protected readonly configChange = changeRunner();
  protected readonly isWorking = computed(() => this.detail.isLoading() || this.change.isBusy());
  /** Purge and delete wait while a change runs, and are never offered to whom may not change the topic. */
  protected readonly isDestructiveDisabled = computed(() => !this.canChange() || this.change.isBusy());
  /** Why no config may be edited here, shown on each config's lock; null when they may. */
  protected readonly configLockedReason = computed(() => this.whyNotChange() ?? null);
  protected readonly editingConfig = signal<string | null>(null);
  protected readonly configError = computed(() => this.configChange.error()?.message ?? null);

  protected selectTab(index: number): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: index === 0 ? null : TABS[index] },
      // Other parameters, such as the charts' range, stay.
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Reads the topic fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.detail.refresh();
  }

  /** Reads the topic again after a change made here, which the server's next answer shows. */
  protected reload(): void {
    this.detail.reload();
  }

  protected editConfig(name: string): void {
    this.configChange.clearError();
    this.editingConfig.set(name);
  }

  protected cancelConfigEdit(): void {
    this.configChange.clearError();
    this.editingConfig.set(null);
  }

  protected saveConfig({ name, value }: { name: string; value: string }): void {
    this.changeConfigs({ set: { [name]: value } }, name);
  }

  protected resetConfig(name: string): void {
    this.editingConfig.set(null);
    this.changeConfigs({ delete: [name] }, name);
  }

  protected openProduce(): void {
    this.openTopicDialog(ProduceMessageDialog, '640px');
  }

  protected openAddPartitions(): void {
    this.openTopicDialog(AddPartitionsDialog, '560px');
  }

  /** Opens a dialog that acts on this topic; reloads when it reports a change. */
  private openTopicDialog(dialog: ComponentType<unknown>, width: string): void {
    const data: ProduceMessageData & AddPartitionsData = {
      cluster: this.cluster(),
      topic: this.topic(),
      partitions: this.partitionCount(),
    };
    this.dialog
      .open(dialog, { data, width })
      .afterClosed()
      .pipe(filter((changed) => changed === true))
      .subscribe(() => this.reload());
  }

  /** Deletes every record, after the operator types the topic name (checked again by the server). */
  protected purge(): void {
    const name = this.topic();
    this.change.run({
      confirm: {
        title: `Purge ${name}`,
        message: `Every record of every partition of ${name} will be deleted. Consumers keep their offsets; the topic and its configs stay.`,
        confirmLabel: 'Purge all records',
        typeToConfirm: name,
        isDestructive: true,
      },
      call: () => this.topics.purge(this.cluster(), name, { confirm: name }),
      success: (result) => `Purged ${result.partitions.length} partitions of ${name}`,
      then: () => this.reload(),
    });
  }

  /** Deletes the topic after the typed confirmation, then goes back to the list. */
  protected delete(): void {
    const name = this.topic();
    const cluster = this.cluster();
    this.change.run({
      confirm: {
        title: `Delete ${name}`,
        message:
          `${name}, all its records and its configs will be gone for good. Producers writing to it will fail, ` +
          'or create it again if the broker allows auto-creation.',
        confirmLabel: 'Delete topic',
        typeToConfirm: name,
        isDestructive: true,
      },
      call: () => this.topics.delete(cluster, name, name),
      success: `Deleted ${name}`,
      then: () => void this.router.navigate(['/clusters', cluster, 'topics']),
    });
  }

  private changeConfigs(change: ConfigChange, name: string): void {
    this.configChange.run({
      call: () => this.topics.alterConfigs(this.cluster(), this.topic(), change),
      // The table shows the configs as the server answers them: no message besides.
      then: (configs) => {
        this.configs.set(configs);
        this.editingConfig.set(null);
      },
      // Keep the editor open on the config that failed, with the server's words under it.
      failed: () => this.editingConfig.set(name),
    });
  }
}
