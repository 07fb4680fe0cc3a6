import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ConnectorConfigForm, type FieldChange } from './connector-config-form';
import type { FieldGroup } from './connector.model';
import { parseConfigJson } from './connector-rules';

/**
 * A connector config, edited either in the form generated from the plugin's definitions or
 * as raw JSON; both edit the same config.
 */
@Component({
  selector: 'kpc-connector-config-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectorConfigForm, MatIconModule, MatTabsModule],
  template: `
    <mat-tab-group animationDuration="0ms" mat-stretch-tabs="false">
      <mat-tab label="Form">
        <div class="tab">
          @if (hasGroups()) {
            <kpc-connector-config-form [groups]="groups()" [config]="config()" (fieldChange)="changeField($event)" />
          } @else {
            <p class="muted">Waiting for the worker's config definitions…</p>
          }
        </div>
      </mat-tab>
      <mat-tab label="JSON">
        <div class="tab">
          <textarea class="json" aria-label="Config as JSON" spellcheck="false" [value]="text()" (input)="changeText($event)"></textarea>
          @if (problem(); as problem) {
            <p class="problem" role="alert"><mat-icon inline>error</mat-icon> {{ problem }}</p>
          }
        </div>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    .tab {
      padding-top: 12px;
    }
    .json {
      width: 100%;
      box-sizing: border-box;
      min-height: 320px;
      font: 13px/1.5 monospace;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      resize: vertical;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 4px 0 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ConnectorConfigEditor {
  readonly groups = input.required<FieldGroup[]>();
  readonly config = input.required<Record<string, string>>();
  readonly configChange = output<Record<string, string>>();

  protected readonly hasGroups = computed(() => this.groups().length > 0);

  /** The JSON as typed: reformatted only when the config changed elsewhere (in the form). */
  protected readonly text = linkedSignal<Record<string, string>, string>({
    source: () => this.config(),
    computation: (config, previous) => {
      const typed = previous && parseConfigJson(previous.value);
      const isSame = typed && 'config' in typed && JSON.stringify(typed.config) === JSON.stringify(config);
      return isSame ? previous.value : JSON.stringify(config, null, 2);
    },
  });
  protected readonly problem = computed(() => {
    const parsed = parseConfigJson(this.text());
    return 'problem' in parsed ? parsed.problem : undefined;
  });

  protected changeField({ name, value }: FieldChange): void {
    this.configChange.emit({ ...this.config(), [name]: value });
  }

  protected changeText(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    const parsed = parseConfigJson(this.text());
    if ('config' in parsed) this.configChange.emit(parsed.config);
  }
}
