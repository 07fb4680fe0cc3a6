import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { changeRunner } from '../shared/change-runner';
import { changeToSend, FORMAT_CHOICES, KIND_CHOICES, kindChoice, newRule, ruleChangeOf } from './alert-format';
import { ALERTABLE_STATUSES, type AlertRuleChange, type AlertRuleView } from './alerts.model';
import { AlertsService } from './alerts.service';

export interface AlertRuleDialogData {
  cluster: string;
  /** The rule to edit; none to add one. */
  rule?: AlertRuleView;
}

/** Adds or edits an alert rule, asking only what its kind uses; closes with the saved rule. */
@Component({
  selector: 'kpc-alert-rule-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule],
  templateUrl: './alert-rule-dialog.html',
  styles: `
    .field {
      width: 100%;
    }
    .row {
      display: flex;
      gap: 16px;
    }
    .explanation {
      margin-top: 0;
      color: var(--kpc-muted, inherit);
    }
    .error {
      color: var(--kpc-error);
    }
  `,
})
export class AlertRuleDialog {
  private readonly data = inject<AlertRuleDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<AlertRuleDialog, AlertRuleView>>(MatDialogRef);
  private readonly alerts = inject(AlertsService);
  protected readonly saving = changeRunner();

  protected readonly isEdit = !!this.data.rule;
  protected readonly title = this.isEdit ? 'Edit alert rule' : 'Add an alert rule';
  protected readonly kinds = KIND_CHOICES;
  protected readonly formats = FORMAT_CHOICES;
  protected readonly statuses = ALERTABLE_STATUSES;
  protected readonly rule = signal<AlertRuleChange>(this.data.rule ? ruleChangeOf(this.data.rule) : newRule());
  protected readonly choice = computed(() => kindChoice(this.rule().kind));
  protected readonly isGroupStatus = computed(() => this.rule().kind === 'group-status');
  protected readonly canSave = computed(() => {
    const rule = this.rule();
    return rule.name.trim() !== '' && rule.webhookUrl.trim() !== '' && !this.saving.isBusy();
  });

  /** Changes one field of the rule being edited. */
  protected set<K extends keyof AlertRuleChange>(field: K, value: AlertRuleChange[K]): void {
    this.rule.update((rule) => ({ ...rule, [field]: value }));
  }

  protected save(): void {
    const change = changeToSend(this.rule());
    const existing = this.data.rule;
    this.saving.run({
      call: () => (existing ? this.alerts.update(this.data.cluster, existing.id, change) : this.alerts.create(this.data.cluster, change)),
      success: existing ? `Saved ${change.name}` : `Added ${change.name}`,
      then: (saved) => this.dialog.close(saved),
    });
  }
}
