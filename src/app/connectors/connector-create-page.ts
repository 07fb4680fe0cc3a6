import { AccessService } from '../access/access.service';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { isApiError } from '../shared/api-error';
import { changeRunner } from '../shared/change-runner';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConnectorConfigEditor } from './connector-config-editor';
import { ConnectorMissingTopics } from './connector-missing-topics';
import { fieldGroups, pluginLabel, pluginRefusal, withoutEmptyValues } from './connector-rules';
import {
  cannotTellNote,
  missingTopicsNotice,
  savedMessage,
  saveWithoutTopicsConfirmation,
  topicCreationOf,
  withConnectTopicCreation,
} from './connector-topic-rules';
import type { TopicCreationDraft } from './connector.model';
import { ConnectorsService } from './connectors.service';

/**
 * `/clusters/:cluster/connectors/new?connect=`: pick a plugin, fill the form the worker's own
 * definitions generate (validated as you type), or paste the config as JSON, then create.
 * Topics the connector needs that do not exist are named before it is created, with the
 * offer to create them first or to let Connect create them.
 */
@Component({
  selector: 'kpc-connector-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConnectorConfigEditor,
    ConnectorMissingTopics,
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    RouterLink,
  ],
  templateUrl: './connector-create-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .refusal {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
    .back {
      align-self: flex-start;
      margin-left: -12px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .identity {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .identity mat-form-field {
      width: 360px;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .invalid {
      color: var(--mat-sys-error);
    }
    .valid {
      color: var(--kpc-ok);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class ConnectorCreatePage {
  readonly cluster = input.required<string>();
  /** The Connect cluster, from `?connect=`. */
  readonly connect = input.required<string>();

  private readonly connectors = inject(ConnectorsService);
  private readonly router = inject(Router);
  private readonly access = inject(AccessService);
  protected readonly creation = changeRunner();

  protected readonly listLink = computed(() => ['/clusters', this.cluster(), 'connectors']);
  protected readonly plugins = rxResource({
    params: () => ({ cluster: this.cluster(), connect: this.connect() }),
    stream: ({ params }) => this.connectors.plugins(params.cluster, params.connect),
  });
  protected readonly pluginOptions = computed(() =>
    (this.plugins.hasValue() ? this.plugins.value() : []).map((plugin) => ({
      className: plugin.className,
      label: pluginLabel(plugin),
      refusal: pluginRefusal(plugin),
    })),
  );
  protected readonly pluginsError = computed(() => apiErrorOf(this.plugins.error()));

  protected readonly name = signal('');
  protected readonly plugin = signal<string | undefined>(undefined);
  protected readonly config = signal<Record<string, string>>({});
  private readonly fullConfig = computed(() => ({
    ...withoutEmptyValues(this.config()),
    name: this.name(),
    ...(this.plugin() && { 'connector.class': this.plugin()! }),
  }));
  private readonly validationAnswer = toSignal(
    this.connectors.validateAsTyped(
      toObservable(
        computed(() => {
          const plugin = this.plugin();
          return plugin ? { cluster: this.cluster(), connect: this.connect(), plugin, config: this.fullConfig() } : undefined;
        }),
      ),
    ),
  );
  protected readonly validation = computed(() => {
    const answer = this.validationAnswer();
    return answer && !isApiError(answer) ? answer : undefined;
  });
  protected readonly validationError = computed(() => {
    const answer = this.validationAnswer();
    return answer && isApiError(answer) ? answer : undefined;
  });
  protected readonly groups = computed(() => {
    const validation = this.validation();
    return validation ? fieldGroups(validation) : [];
  });
  protected readonly errorCount = computed(() => this.validation()?.errorCount ?? 0);
  protected readonly nameErrors = computed(
    () =>
      this.validation()
        ?.fields.find((field) => field.definition.name === 'name')
        ?.errors.join(' ') ?? '',
  );
  /** Whether to show the worker's objection to the name: not before one is typed. */
  protected readonly hasNameErrors = computed(() => !!this.nameErrors() && !!this.name());
  protected readonly hasPlugin = computed(() => !!this.plugin());
  private readonly pluginType = computed(
    () => (this.plugins.hasValue() ? this.plugins.value() : []).find((plugin) => plugin.className === this.plugin())?.type ?? 'unknown',
  );
  protected readonly topicNotice = computed(() => missingTopicsNotice(this.validation()?.topicCheck, this.pluginType()));
  protected readonly topicNote = computed(() => cannotTellNote(this.validation()?.topicCheck));
  /** The operator's choice to create the missing topics first. */
  protected readonly topicChoice = signal<TopicCreationDraft | undefined>(undefined);
  // A choice made for topics that exist by now (the topic was renamed) creates nothing.
  private readonly topicCreation = computed(() => topicCreationOf(this.topicNotice() ? this.topicChoice() : undefined));
  protected readonly createLabel = computed(() => (this.topicCreation().creation ? 'Create topics and connector' : 'Create connector'));
  /** Why the user may not create connectors here (`admin` of some connector); undefined when they may. */
  protected readonly whyNotCreate = computed(() => this.access.whyNot('admin', this.cluster(), { kind: 'connector' }));
  protected readonly canCreate = computed(
    () =>
      this.whyNotCreate() === undefined &&
      !!this.validation() &&
      this.errorCount() === 0 &&
      this.name().trim() !== '' &&
      !this.topicCreation().problem &&
      !this.creation.isBusy(),
  );
  protected readonly isWorking = computed(() => this.plugins.isLoading() || this.creation.isBusy());

  protected selectPlugin(className: string): void {
    this.plugin.set(className);
    // Another plugin has other keys: start again from its defaults.
    this.config.set({});
  }

  /** Adds `topic.creation.default.*` to the config, so Connect creates the topics (KIP-158). */
  protected letConnectCreateTopics(): void {
    this.config.update(withConnectTopicCreation);
    this.topicChoice.set(undefined);
  }

  /**
   * Creates the connector (its missing topics first, if chosen), then opens its page. With
   * topics missing and none to be created, asks first.
   */
  protected create(): void {
    const { cluster, connect } = { cluster: this.cluster(), connect: this.connect() };
    const name = this.name().trim();
    const config = { ...this.fullConfig(), name };
    const { creation: createTopics } = this.topicCreation();
    const notice = this.topicNotice();
    this.creation.run({
      confirm: saveWithoutTopicsConfirmation(notice, createTopics, 'Create'),
      call: () => this.connectors.create(cluster, connect, { name, config, ...(createTopics && { createTopics }) }),
      success: savedMessage(`Created ${name}`, createTopics, notice),
      then: () => void this.router.navigate(['/clusters', cluster, 'connectors', connect, name]),
    });
  }
}
