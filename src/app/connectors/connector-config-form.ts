import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ConfigFieldValidation, FieldGroup } from './connector.model';

/** One changed field. */
export interface FieldChange {
  name: string;
  value: string;
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
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 16px; padding-top: 8px; }
    mat-form-field { width: 100%; }
    .field-error { color: var(--mat-sys-error); }
    .errors { color: var(--mat-sys-error); margin-left: 8px; font: var(--mat-sys-label-medium); }
    .key { font-family: monospace; font-size: 11px; color: var(--mat-sys-on-surface-variant); }
    mat-hint { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  `,
})
export class ConnectorConfigForm {
  readonly groups = input.required<FieldGroup[]>();
  readonly config = input.required<Record<string, string>>();
  readonly fieldChange = output<FieldChange>();

  /** Which control a field gets: a yes/no, a pick from the worker's recommendations, or typing. */
  protected fieldKind(field: ConfigFieldValidation): 'boolean' | 'choice' | 'input' {
    if (field.definition.type === 'BOOLEAN') return 'boolean';
    return field.recommendedValues.length > 1 ? 'choice' : 'input';
  }

  /** Which input a Connect type gets. */
  protected inputType(type: string): string {
    if (type === 'PASSWORD') return 'password';
    return ['INT', 'LONG', 'SHORT', 'DOUBLE'].includes(type) ? 'number' : 'text';
  }

  protected change(name: string, event: Event): void {
    this.fieldChange.emit({ name, value: (event.target as HTMLInputElement).value });
  }
}
