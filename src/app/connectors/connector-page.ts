import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { filter, finalize, interval, of, switchMap, type Observable } from 'rxjs';
import { isApiError, type ApiError } from '../shared/api-error';
import type { Confirmation } from '../shared/confirm-dialog';
import { ConfirmService } from '../shared/confirm.service';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConnectorConfigEditor } from './connector-config-editor';
import { ConnectorOffsetsView } from './connector-offsets-view';
import { ConnectorStateChip } from './connector-state-chip';
import { ConnectorTasks, type TaskRow } from './connector-tasks';
import type { SourceOffset } from './connector.model';
import { ConnectorsService } from './connectors.service';

/** How often the connector's state refreshes itself while open. */
const REFRESH_MS = 10_000;

/** `/clusters/:cluster/connectors/:connect/:name`: one connector, its tasks, config and offsets. */
@Component({
  selector: 'kpc-connector-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectorConfigEditor, ConnectorOffsetsView, ConnectorStateChip, ConnectorTasks, ErrorPanel, MatButtonModule,
    MatIconModule, MatProgressBarModule, MatTabsModule, MatTooltipModule, RouterLink],
  templateUrl: './connector-page.html',
  styleUrl: './connector-page.scss',
})
export class ConnectorPage {
  readonly cluster = input.required<string>();
  readonly connect = input.required<string>();
  readonly name = input.required<string>();

  private readonly connectors = inject(ConnectorsService);
  private readonly confirmService = inject(ConfirmService);
  private readonly router = inject(Router);

  protected readonly listLink = computed(() => ['/clusters', this.cluster(), 'connectors']);
  private readonly target = computed(() => ({ cluster: this.cluster(), connect: this.connect(), name: this.name() }));
  protected readonly detail = rxResource({
    params: this.target,
    stream: ({ params: { cluster, connect, name } }) => this.connectors.connector(cluster, connect, name),
  });
  protected readonly current = computed(() => (this.detail.hasValue() ? this.detail.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.detail.error()));
  protected readonly tone = computed(() => this.connectors.stateTone(this.current()?.state ?? 'UNASSIGNED'));
  protected readonly actions = computed(() => {
    const connector = this.current();
    return connector ? this.connectors.actions(connector) : undefined;
  });
  protected readonly taskRows = computed<TaskRow[]>(() =>
    (this.current()?.tasks ?? []).map((task) => ({ task, tone: this.connectors.stateTone(task.state) })));

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
  private readonly validationAnswer = toSignal(this.connectors.validateAsTyped(toObservable(computed(() => {
    const config = this.draft();
    const plugin = config['connector.class'];
    return plugin ? { cluster: this.cluster(), connect: this.connect(), plugin, config: this.connectors.withoutEmptyValues(config) } : undefined;
  }))));
  protected readonly validation = computed(() => {
    const answer = this.validationAnswer();
    return answer && !isApiError(answer) ? answer : undefined;
  });
  protected readonly groups = computed(() => {
    const validation = this.validation();
    return validation ? this.connectors.fieldGroups(validation) : [];
  });
  protected readonly validationErrorCount = computed(() => this.validation()?.errorCount ?? 0);
  protected readonly isBusy = signal(false);
  protected readonly actionError = signal<ApiError | undefined>(undefined);
  protected readonly notice = signal<string | undefined>(undefined);
  protected readonly canSave = computed(() => this.isDirty() && !!this.validation() && this.validationErrorCount() === 0 && !this.isBusy());

  constructor() {
    interval(REFRESH_MS).pipe(takeUntilDestroyed()).subscribe(() => this.detail.reload());
  }

  protected pause(): void {
    this.act({ title: 'Pause connector', message: `${this.name()} stops processing until resumed; its tasks stay assigned.`, confirmLabel: 'Pause' },
      () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'pause'), 'Paused');
  }

  protected resume(): void {
    this.act(undefined, () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'resume'), 'Resumed');
  }

  protected stop(): void {
    this.act({ title: 'Stop connector', message: `${this.name()} shuts down its tasks but keeps its config. Its offsets can then be changed.`, confirmLabel: 'Stop' },
      () => this.connectors.changeState(this.cluster(), this.connect(), this.name(), 'stop'), 'Stopped');
  }

  protected restart(onlyFailed: boolean): void {
    const what = onlyFailed ? 'the failed parts of' : 'the connector and every task of';
    this.act({ title: 'Restart connector', message: `Restarts ${what} ${this.name()}.`, confirmLabel: 'Restart' },
      () => this.connectors.restart(this.cluster(), this.connect(), this.name(), { includeTasks: true, onlyFailed }), 'Restart requested');
  }

  protected restartTask(task: number): void {
    this.act(undefined, () => this.connectors.restartTask(this.cluster(), this.connect(), this.name(), task), `Task ${task} restart requested`);
  }

  protected deleteConnector(): void {
    const { cluster, connect, name } = this.target();
    this.act({ title: 'Delete connector', message: `${name} and its config are removed from ${connect}. Its topics and committed offsets stay.`,
      confirmLabel: 'Delete', typeToConfirm: name, isDestructive: true },
    () => this.connectors.delete(cluster, connect, name), 'Deleted', () => void this.router.navigate(['/clusters', cluster, 'connectors']));
  }

  protected saveConfig(): void {
    this.act(undefined, () => this.connectors.updateConfig(this.cluster(), this.connect(), this.name(),
      this.connectors.withoutEmptyValues(this.draft())), 'Config saved');
  }

  protected discardChanges(): void {
    this.draft.set(JSON.parse(this.savedConfig()) ?? {});
  }

  protected resetOffsets(): void {
    this.rewind(undefined, `${this.name()} will be stopped, its offsets deleted and then resumed: it publishes everything again from the beginning.`);
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
    this.act({ title: offsets ? 'Change offsets' : 'Start over', message, confirmLabel: offsets ? 'Change offsets' : 'Start over',
      typeToConfirm: name, isDestructive: true },
    () => this.connectors.rewind(cluster, connect, name, { ...(offsets && { offsets }), resume: true, confirm: true }),
    'Offsets changed and connector resumed; the change is in the audit log');
  }

  /** Asks first when there is a confirmation, then runs the call and refreshes. */
  private act(confirmation: Confirmation | undefined, call: () => Observable<unknown>, done: string, then?: () => void): void {
    const confirmed = confirmation ? this.confirmService.confirm(confirmation) : of(true);
    confirmed.pipe(
      filter(Boolean),
      switchMap(() => {
        this.isBusy.set(true);
        this.actionError.set(undefined);
        this.notice.set(undefined);
        return call().pipe(finalize(() => this.isBusy.set(false)));
      }),
    ).subscribe({
      next: () => {
        this.notice.set(done);
        if (then) then();
        else this.refresh();
      },
      error: (error: ApiError) => {
        this.actionError.set(error);
        this.refresh();
      },
    });
  }
}
