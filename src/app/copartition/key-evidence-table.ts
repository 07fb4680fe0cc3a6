import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { EvidenceRow } from './copartition.model';

/**
 * Keys and the partition each topic put them on, with the schema id and murmur2's choice, and
 * the records of a key that sit on another partition (a join misses them).
 */
@Component({
  selector: 'kpc-key-evidence-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltipModule],
  template: `
    <table class="evidence" aria-label="Key evidence">
      <thead>
        <tr>
          <th>Key</th>
          @for (topic of topics(); track topic) {
            <th>{{ topic }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of shownRows(); track row.key) {
          <tr>
            <td class="key">
              <span>{{ row.key }}</span>
              @if (row.hasMore) {
                <span class="more">and {{ row.moreMisplaced }} more misplaced records</span>
              }
            </td>
            @for (cell of row.cells; track $index) {
              <td>
                @if (cell) {
                  <span class="partition">partition {{ cell.partition }}</span>
                  @if (cell.hasSchemaId) {
                    <span class="chip" matTooltip="Schema-registry schema id in the key bytes">id {{ cell.schemaId }}</span>
                  }
                  <span
                    class="expected"
                    [class.off]="cell.isOffMurmur2"
                    matTooltip="Where murmur2 of these key bytes puts it (Java's default partitioner)"
                    >murmur2 → {{ cell.expectedPartition }}</span
                  >
                  @for (record of cell.misplaced; track record.offset) {
                    <span
                      class="misplaced"
                      [matTooltip]="'A join looks for this key on partition ' + record.belongsOn + ' and misses this record'"
                      >offset {{ record.offset }} on partition {{ record.partition }} (belongs on {{ record.belongsOn }})</span
                    >
                  }
                } @else {
                  <span class="missing">not sampled</span>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .evidence {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      text-align: left;
      padding: 6px 10px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    th {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    .key {
      font-family: monospace;
    }
    .partition {
      font-weight: 500;
      margin-right: 8px;
    }
    .chip {
      background: var(--mat-sys-secondary-container);
      border-radius: 8px;
      padding: 1px 6px;
      margin-right: 8px;
    }
    .expected {
      color: var(--mat-sys-on-surface-variant);
    }
    .expected.off {
      color: var(--kpc-error);
    }
    .misplaced {
      display: block;
      color: var(--kpc-error);
    }
    .more {
      display: block;
      font-family: inherit;
      color: var(--mat-sys-on-surface-variant);
    }
    .missing {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
  `,
})
export class KeyEvidenceTable {
  readonly topics = input.required<string[]>();
  readonly rows = input.required<EvidenceRow[]>();

  protected readonly shownRows = computed(() =>
    this.rows().map((row) => ({
      key: row.key,
      moreMisplaced: row.moreMisplaced,
      hasMore: row.moreMisplaced > 0,
      cells: row.cells.map((cell) => cell && { ...cell, hasSchemaId: cell.schemaId !== null }),
    })),
  );
}
