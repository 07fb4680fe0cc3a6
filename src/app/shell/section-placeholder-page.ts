import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { NAVIGATION } from './navigation';

/** Stands in for a section of the console that is not built yet, saying what it will do. */
@Component({
  selector: 'kpc-section-placeholder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    @if (item(); as section) {
      <h1>
        <mat-icon>{{ section.icon }}</mat-icon> {{ section.label }}
      </h1>
      <p>{{ section.purpose }}</p>
      <p class="note">This section is not built yet.</p>
    }
  `,
  styles: `
    h1 {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-headline-medium);
      margin: 0 0 12px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SectionPlaceholderPage {
  /** The section path, from the route's data. */
  readonly section = input.required<string>();
  protected readonly item = computed(() => NAVIGATION.find((item) => item.path === this.section()));
}
