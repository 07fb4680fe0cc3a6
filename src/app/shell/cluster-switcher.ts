import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ClusterSummary } from '../clusters/cluster.model';

/** Picks the cluster the console shows. */
@Component({
  selector: 'kpc-cluster-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Cluster</mat-label>
      <mat-select [value]="selected()" (selectionChange)="selectedChange.emit($event.value)" aria-label="Cluster">
        @for (cluster of clusters(); track cluster.name) {
          <mat-option [value]="cluster.name">
            {{ cluster.name }} <small>{{ cluster.bootstrapServers[0] }}</small>
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 260px;
      font-size: 14px;
    }
    small {
      opacity: 0.7;
      margin-left: 8px;
    }
  `,
})
export class ClusterSwitcher {
  readonly clusters = input.required<ClusterSummary[]>();
  readonly selected = input.required<string>();
  readonly selectedChange = output<string>();
}
