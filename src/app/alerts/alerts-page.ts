import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
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
import { deliveryText, describeCondition, eventRow, FORMAT_CHOICES } from './alert-format';
import { AlertHistoryTable } from './alert-history-table';
import { AlertRuleDialog, type AlertRuleDialogData } from './alert-rule-dialog';
import { AlertRuleTable, type AlertRuleRow } from './alert-rule-table';
import type { AlertRuleView } from './alerts.model';
import { AlertsService } from './alerts.service';

const STATUS_LABELS: Record<AlertRuleView['status'], string> = { firing: 'Firing', ok: 'OK', disabled: 'Disabled' };

/** `/clusters/:cluster/alerts`: rules that tell webhooks when something goes wrong, and what fired. */
@Component({
  selector: 'kpc-alerts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertHistoryTable, AlertRuleTable, ErrorPanel, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './alerts-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .page-header {
      display: flex;
      justify-content: space-between;
      gap: 24px;
    }
    .subtitle {
      max-width: 760px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-shrink: 0;
      align-items: flex-start;
    }
    h2 {
      margin: 16px 0 0;
    }
  `,
})
export class AlertsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly alerts = inject(AlertsService);
  private readonly dialog = inject(MatDialog);
  private readonly access = inject(AccessService);
  protected readonly changes = changeRunner();

  protected readonly rules = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.alerts.rules(cluster),
  });
  protected readonly events = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.alerts.events(cluster),
  });
  protected readonly rulesError = computed(() => apiErrorOf(this.rules.error()));
  protected readonly eventsError = computed(() => apiErrorOf(this.events.error()));
  protected readonly isLoading = computed(() => this.rules.isLoading() || this.events.isLoading());
  /** How the tests run from this page went, by rule id. */
  private readonly testOutcomes = signal<Record<string, string>>({});

  protected readonly ruleRows = computed<AlertRuleRow[]>(() =>
    (this.rules.hasValue() ? this.rules.value() : []).map((rule) => ({
      rule,
      statusLabel: STATUS_LABELS[rule.status],
      condition: describeCondition(rule),
      firingFor: rule.firing.join(', '),
      webhook: `${FORMAT_CHOICES.find((choice) => choice.format === rule.format)?.label ?? rule.format}: ${rule.webhookUrl}`,
      lastTest: this.testOutcomes()[rule.id] ?? '',
    })),
  );
  protected readonly eventRows = computed(() => (this.events.hasValue() ? this.events.value() : []).map(eventRow));
  /** Rules watch the whole cluster and post outside it: changing them needs the operator role on all of it. */
  protected readonly whyNotChange = computed(() => this.access.whyNot('operator', this.cluster(), { kind: undefined }));
  protected readonly canChange = computed(() => this.whyNotChange() === undefined);

  /** Opens the dialog that adds a rule, or edits one; reads the rules again once it saved. */
  protected editRule(rule?: AlertRuleView): void {
    this.dialog
      .open<AlertRuleDialog, AlertRuleDialogData, AlertRuleView>(AlertRuleDialog, {
        data: { cluster: this.cluster(), rule },
        width: '600px',
      })
      .afterClosed()
      .pipe(filter((saved) => !!saved))
      .subscribe(() => this.rules.reload());
  }

  /** Posts a test message to the rule's webhook; the outcome shows on the rule's row. */
  protected testRule(rule: AlertRuleView): void {
    this.changes.run({
      call: () => this.alerts.test(this.cluster(), rule.id),
      then: (delivery) => this.testOutcomes.update((outcomes) => ({ ...outcomes, [rule.id]: deliveryText(delivery) })),
    });
  }

  protected removeRule(rule: AlertRuleView): void {
    this.changes.run({
      confirm: {
        title: 'Delete alert rule',
        message: `Delete ${rule.name}? Its webhook will not be told of anything more; the history of what it fired is kept.`,
        confirmLabel: 'Delete rule',
        typeToConfirm: rule.name,
        isDestructive: true,
      },
      call: () => this.alerts.remove(this.cluster(), rule.id, rule.name),
      success: `Deleted ${rule.name}`,
      then: () => this.rules.reload(),
    });
  }

  protected refresh(): void {
    this.changes.clearError();
    this.rules.reload();
    this.events.reload();
  }
}
