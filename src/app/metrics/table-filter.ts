import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/** A table's heading with its filter box: what the overview's throughput and lag tables show above them. */
@Component({
  selector: 'kpc-table-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <div class="table-tools">
      <h3>{{ title() }}</h3>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
        <mat-icon matPrefix>search</mat-icon>
        <input
          matInput
          [placeholder]="label()"
          [attr.aria-label]="label()"
          [value]="filter()"
          (input)="filterChange.emit($any($event.target).value)" />
      </mat-form-field>
    </div>
  `,
  styles: `
    .table-tools {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .filter {
      width: 260px;
    }
  `,
})
export class TableFilter {
  readonly title = input.required<string>();
  /** The filter box's label, e.g. "Filter groups". */
  readonly label = input.required<string>();
  readonly filter = input('');
  readonly filterChange = output<string>();
}
