import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { interval } from 'rxjs';
import { AccessService } from '../access/access.service';
import { isApiError } from '../shared/api-error';
import { changeRunner, type Change } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConnectorConfigEditor } from './connector-config-editor';
import { ConnectorMissingTopics } from './connector-missing-topics';
import { ConnectorOffsetsView } from './connector-offsets-view';
import { ConnectorStateChip } from './connector-state-chip';
import { ConnectorTasks, type TaskRow } from './connector-tasks';
import type { SourceOffset, TopicCreationDraft } from './connector.model';
import { actions as connectorActions, fieldGroups, stateTone, usedTopics, withoutEmptyValues } from './connector-rules';
import {
  cannotTellNote,
  missingTopicsNotice,
  savedMessage,
  saveWithoutTopicsConfirmation,
  topicCreationOf,
  withConnectTopicCreation,
} from './connector-topic-rules';
import { ConnectorsService } from './connectors.service';

/** How often the connector's state refreshes itself while open. */
const REFRESH_MS = 10_000;

/** `/clusters/:cluster/connectors/:connect/:name`: one connector, its tasks, config and offsets. */
@Component({
  selector: 'kpc-connector-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConnectorConfigEditor,
    ConnectorMissingTopics,
    ConnectorOffsetsView,
    ConnectorStateChip,
    ConnectorTasks,
    ErrorPanel,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    MatTooltipModule,
    RouterLink,
  ],
  templateUrl: './connector-page.html',
  styleUrl: './connector-page.scss',
})
export class ConnectorPage {
  readonly cluster = input.required<string>();
  readonly connect = input.required<string>();
  readonly name = input.required<string>();

  private readonly connectors = inject(ConnectorsService);
  private readonly router = inject(Router);
  private readonly access = inject(AccessService);
  // Every action of the page fails into the same panel, under the header.
  protected readonly change = changeRunner();

  protected readonly listLink = computed(() => ['/clusters', this.cluster(), 'connectors']);
  private readonly target = computed(() => ({ cluster: this.cluster(), connect: this.connect(), name: this.name() }));
  protected readonly detail = rxResource({
    params: this.target,
    stream: ({ params: { cluster, connect, name } }) => this.connectors.connector(cluster, connect, name),
  });
  protected readonly current = computed(() => (this.detail.hasValue() ? this.detail.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.detail.error()));
  protected readonly tone = computed(() => stateTone(this.current()?.state ?? 'UNASSIGNED'));
  protected readonly actions = computed(() => {
    const connector = this.current();
    return connector ? connectorActions(connector) : undefined;
  });
  protected readonly taskRows = computed<TaskRow[]>(() =>
    (this.current()?.tasks ?? []).map((task) => ({
      task,
      tone: stateTone(task.state),
      workerLabel: task.workerId || '—',
      traceHeadline: task.trace?.split('\n')[0] ?? '',
    })),
  );
  protected readonly tasksLabel = computed(() => `Tasks (${this.current()?.tasks.length ?? 0})`);
  protected readonly topicsLabel = computed(() => usedTopics(this.current()).join(', ') || '—');
  /** A source's topics, each linking to its bridge health (the sequence it publishes, where it resumes). */
  protected readonly bridgedTopics = computed(() => (this.current()?.type === 'source' ? usedTopics(this.current()) : []));
  protected readonly isWorking = computed(() => this.detail.isLoading() || this.change.isBusy());
  private readonly resource = computed(() => ({ kind: 'connector' as const, name: this.name() }));
  /** Why the user may not pause, resume, stop or restart it (an `operator` action); undefined when they may. */
  protected readonly whyNotOperate = computed(() => this.access.whyNot('operator', this.cluster(), this.resource()));
  protected readonly canOperate = computed(() => this.whyNotOperate() === undefined);
  /** Why the user may not edit, delete or rewind it (an `admin` change); undefined when they may. */
  protected readonly whyNotAdminister = computed(() => this.access.whyNot('admin', this.cluster(), this.resource()));
  protected readonly canAdminister = computed(() => this.whyNotAdminister() === undefined);
  protected readonly isOperateDisabled = computed(() => !this.canOperate() || this.change.isBusy());
  protected readonly isAdministerDisabled = computed(() => !this.canAdminister() || this.change.isBusy());
  /** `RUNNING but cannot publish: topic X does not exist`, from the server; empty when it can. */
  protected readonly cannotPublish = computed(() => this.current()?.warning ?? '');
  private readonly missingTopics = computed(() => this.current()?.topicCheck?.missing ?? []);
  protected readonly createMissingLabel = computed(() => `Create ${this.missingTopics().length > 1 ? 'topics' : 'topic'}`);

  protected readonly offsets = rxResource({
    params: this.target,
    stream: ({ params: { cluster, connect, name } }) => this.connectors.offsets(cluster, connect, name),
  });
  protected readonly currentOffsets = computed(() => (this.offsets.hasValue() ? this.offsets.value() : undefined));
  protected readonly offsetsError = computed(() => apiErrorOf(this.offsets.error()));

  // The saved config as text: equal text after a refresh keeps the operator's draft.
  private readonly savedConfig = computed(() => JSON.stringify(this.current()?.config ?? null));
  protected readonly draft = linkedSignal<Record<string, string>>(() => JSON.parse(this.savedConfig()) ?? {});
  protected readonly isDirty = computed(() => JSON.stringify(this.draft()) !== this.savedConfig());
  private readonly validationAnswer = toSignal(
    this.connectors.validateAsTyped(
      toObservable(
        computed(() => {
          const config = this.draft();
          const plugin = config['connector.class'];
          return plugin ? { cluster: this.cluster(), connect: this.connect(), plugin, config: withoutEmptyValues(config) } : undefined;
        }),
      ),
    ),
  );
  protected readonly validation = computed(() => {
    const answer = this.validationAnswer();
    return answer && !isApiError(answer) ? answer : undefined;
  });
  protected readonly groups = computed(() => {
    const validation = this.validation();
    return validation ? fieldGroups(validation) : [];
  });
  protected readonly validationErrorCount = computed(() => this.validation()?.errorCount ?? 0);
  protected readonly topicNotice = computed(() => missingTopicsNotice(this.validation()?.topicCheck, this.current()?.type ?? 'unknown'));
  protected readonly topicNote = computed(() => cannotTellNote(this.validation()?.topicCheck));
  /** The operator's choice to create the draft's missing topics before saving. */
  protected readonly topicChoice = signal<TopicCreationDraft | undefined>(undefined);
  private readonly topicCreation = computed(() => topicCreationOf(this.topicNotice() ? this.topicChoice() : undefined));
  // Creating the topics of an unchanged config is a reason to save it too.
  protected readonly canSave = computed(
    () =>
      (this.isDirty() || !!this.topicCreation().creation) &&
      !!this.validation() &&
      this.validationErrorCount() === 0 &&
      !this.topicCreation().problem &&
      !this.isAdministerDisabled(),
  );

  constructor() {
    interval(REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.detail.reload());
  }

  protected pause(): void {
    this.act({
      confirm: {
        title: 'Pause connector',
        message: `${this.name()} stops processing until resumed; its tasks stay assigned.`,
        confirmLabel: 'Pause',
      },
      call: () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'pause'),
      success: 'Paused',
    });
  }

  protected resume(): void {
    this.act({ call: () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'resume'), success: 'Resumed' });
  }

  protected stop(): void {
    this.act({
      confirm: {
        title: 'Stop connector',
        message: `${this.name()} shuts down its tasks but keeps its config. Its offsets can then be changed.`,
        confirmLabel: 'Stop',
      },
      call: () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'stop'),
      success: 'Stopped',
    });
  }

  protected restart(onlyFailed: boolean): void {
    const what = onlyFailed ? 'the failed parts of' : 'the connector and every task of';
    this.act({
      confirm: { title: 'Restart connector', message: `Restarts ${what} ${this.name()}.`, confirmLabel: 'Restart' },
      call: () => this.connectors.restart(this.cluster(), this.connect(), this.name(), { includeTasks: true, onlyFailed }),
      success: 'Restart requested',
    });
  }

  protected restartTask(task: number): void {
    this.act({
      call: () => this.connectors.restartTask(this.cluster(), this.connect(), this.name(), task),
      success: `Task ${task} restart requested`,
    });
  }

  protected deleteConnector(): void {
    const { cluster, connect, name } = this.target();
    this.act({
      confirm: {
        title: 'Delete connector',
        message: `${name} and its config are removed from ${connect}. Its topics and committed offsets stay.`,
        confirmLabel: 'Delete',
        typeToConfirm: name,
        isDestructive: true,
      },
      call: () => this.connectors.delete(cluster, connect, name),
      success: 'Deleted',
      then: () => void this.router.navigate(['/clusters', cluster, 'connectors']),
    });
  }

  /** Saves the draft, its missing topics created first if chosen; with topics missing and none to create, asks first. */
  protected saveConfig(): void {
    const { creation } = this.topicCreation();
    const notice = this.topicNotice();
    this.act({
      confirm: saveWithoutTopicsConfirmation(notice, creation, 'Save'),
      call: () => this.connectors.updateConfig(this.cluster(), this.connect(), this.name(), withoutEmptyValues(this.draft()), creation),
      success: savedMessage('Config saved', creation, notice),
      then: () => this.topicChoice.set(undefined),
    });
  }

  protected discardChanges(): void {
    this.draft.set(JSON.parse(this.savedConfig()) ?? {});
    this.topicChoice.set(undefined);
  }

  /** Adds `topic.creation.default.*` to the draft, so Connect creates the topics (KIP-158). */
  protected letConnectCreateTopics(): void {
    this.draft.update(withConnectTopicCreation);
    this.topicChoice.set(undefined);
  }

  /**
   * Creates the running source's missing topics with the broker's defaults, by saving its
   * config again with them: the server makes them first, and the saved config restarts it.
   */
  protected createMissingTopics(): void {
    const topics = this.missingTopics().join(', ');
    this.act({
      confirm: {
        title: this.createMissingLabel(),
        message:
          `${topics} will be created with the broker's default partitions and replication factor, and the connector's ` +
          'config saved again so that it restarts and publishes. To choose partitions, use the Config tab.',
        confirmLabel: this.createMissingLabel(),
      },
      call: () => this.connectors.updateConfig(this.cluster(), this.connect(), this.name(), JSON.parse(this.savedConfig()) ?? {}, {}),
      success: `Created ${topics}`,
    });
  }

  protected resetOffsets(): void {
    this.rewind(
      undefined,
      `${this.name()} will be stopped, its offsets deleted and then resumed: it publishes everything again from the beginning.`,
    );
  }

  protected alterOffsets(offsets: SourceOffset[]): void {
    this.rewind(offsets, `${this.name()} will be stopped, continue from the offsets you edited, and be resumed.`);
  }

  /** Reads the connector and its offsets again. */
  protected refresh(): void {
    this.detail.reload();
    this.offsets.reload();
  }

  private rewind(offsets: SourceOffset[] | undefined, message: string): void {
    const { cluster, connect, name } = this.target();
    const label = offsets ? 'Change offsets' : 'Start over';
    this.act({
      confirm: { title: label, message, confirmLabel: label, typeToConfirm: name, isDestructive: true },
      call: () => this.connectors.rewind(cluster, connect, name, { ...(offsets && { offsets }), resume: true, confirm: true }),
      success: 'Offsets changed and connector resumed; the change is in the audit log',
    });
  }

  /**
   * Runs a change and reads the connector again, after a failure too: Connect may have
   * done part of it (a rewind stops the connector before it changes the offsets).
   */
  private act<T>(change: Change<T>): void {
    this.change.run({ then: () => this.refresh(), failed: () => this.refresh(), ...change });
  }
}
