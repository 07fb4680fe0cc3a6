import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { fieldKind, inputType } from './connector-rules';
import type { ConfigDefinition, FieldGroup } from './connector.model';

/** One changed field. */
export interface FieldChange {
  name: string;
  value: string;
}

/** A field as the form shows it: its control, its value, and the worker's objection if any. */
interface FieldView {
  definition: ConfigDefinition;
  kind: ReturnType<typeof fieldKind>;
  inputType: ReturnType<typeof inputType>;
  value: string;
  recommendedValues: string[];
  /** The worker's errors in one sentence; empty when it accepts the value. */
  errorText: string;
  hasErrors: boolean;
}

/**
 * The config form generated from the plugin's own definitions: one panel per group, each
 * field typed, required ones marked, defaults as placeholders, docs as hints, and the
 * worker's errors under the field.
 */
@Component({
  selector: 'kpc-connector-config-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatExpansionModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, MatTooltipModule],
  templateUrl: './connector-config-form.html',
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 4px 16px;
      padding-top: 8px;
    }
    mat-form-field {
      width: 100%;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
    .errors {
      color: var(--mat-sys-error);
      margin-left: 8px;
      font: var(--mat-sys-label-medium);
    }
    .key {
      font-family: monospace;
      font-size: 11px;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-hint {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
  `,
})
export class ConnectorConfigForm {
  readonly groups = input.required<FieldGroup[]>();
  readonly config = input.required<Record<string, string>>();
  readonly fieldChange = output<FieldChange>();

  /** The groups as panels: the first one open, and any the worker objects to. */
  protected readonly panels = computed(() =>
    this.groups().map((group, index) => ({
      name: group.name,
      fieldCount: group.fields.length,
      errorCount: group.errorCount,
      isExpanded: index === 0 || group.errorCount > 0,
      fields: group.fields.map((field): FieldView => ({
        definition: field.definition,
        kind: fieldKind(field),
        inputType: inputType(field.definition.type),
        value: this.config()[field.definition.name] ?? '',
        recommendedValues: field.recommendedValues,
        errorText: field.errors.join(' '),
        hasErrors: field.errors.length > 0,
      })),
    })),
  );

  protected change(name: string, event: Event): void {
    this.fieldChange.emit({ name, value: (event.target as HTMLInputElement).value });
  }
}
