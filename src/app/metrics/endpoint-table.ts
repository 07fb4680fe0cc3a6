import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { EndpointStatus } from './metrics.model';

/** The Prometheus endpoints the console scrapes: whose, where, and whether the last scrape answered. */
@Component({
  selector: 'kpc-endpoint-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIconModule, MatTableModule],
  template: `
    <table mat-table [dataSource]="endpoints()" [trackBy]="trackByName" aria-label="Prometheus endpoints">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let endpoint">{{ endpoint.name }}</td>
      </ng-container>
      <ng-container matColumnDef="kind">
        <th mat-header-cell *matHeaderCellDef>Kind</th>
        <td mat-cell *matCellDef="let endpoint">{{ endpoint.kind }}</td>
      </ng-container>
      <ng-container matColumnDef="url">
        <th mat-header-cell *matHeaderCellDef>URL</th>
        <td mat-cell *matCellDef="let endpoint" class="url">{{ endpoint.url }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>Status</th>
        <td mat-cell *matCellDef="let endpoint">
          @if (endpoint.up) {
            <span class="up"><mat-icon inline>check_circle</mat-icon> up</span>
          } @else {
            <span class="down"><mat-icon inline>error</mat-icon> down</span>
            @if (endpoint.error) {
              <div class="error">{{ endpoint.error }}</div>
            }
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="lastScrape">
        <th mat-header-cell *matHeaderCellDef>Last scraped</th>
        <td mat-cell *matCellDef="let endpoint">
          @if (endpoint.lastScrape) {
            {{ endpoint.lastScrape | date: 'yyyy-MM-dd HH:mm:ss' }}
          } @else {
            <span class="none">never</span>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `
    table {
      width: 100%;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
    }
    .url {
      font-family: monospace;
      word-break: break-all;
    }
    .up,
    .down {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-weight: 500;
    }
    .up {
      color: var(--kpc-ok);
    }
    .down {
      color: var(--mat-sys-error);
    }
    .error {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EndpointTable {
  readonly endpoints = input.required<readonly EndpointStatus[]>();
  protected readonly columns = ['name', 'kind', 'url', 'status', 'lastScrape'];
  protected readonly trackByName = (_: number, endpoint: EndpointStatus) => endpoint.name;
}
