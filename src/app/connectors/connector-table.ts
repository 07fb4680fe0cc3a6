import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { ConnectorStateChip } from './connector-state-chip';
import type { ConnectorSummary, StateTone } from './connector.model';

/** A connector as a row: its summary and the tone of its state, decided by the page. */
export interface ConnectorRow {
  connector: ConnectorSummary;
  tone: StateTone;
  /** Whether any of its tasks failed. */
  hasFailedTasks: boolean;
  /** The topics in one line; a dash when there are none. */
  topicsLabel: string;
  /** Router link to the connector page. */
  link: string[];
}

/** The connectors of a Connect cluster: state, tasks and failed tasks, topics. */
@Component({
  selector: 'kpc-connector-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectorStateChip, MatIconModule, MatTableModule, MatTooltipModule, RouterLink],
  templateUrl: './connector-table.html',
  styles: `
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
    }
    .name {
      font-weight: 500;
    }
    .failed {
      color: var(--kpc-error);
      font-weight: 500;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .class {
      font-family: monospace;
      font-size: 12px;
    }
    .type {
      text-transform: capitalize;
    }
  `,
})
export class ConnectorTable {
  readonly rows = input.required<ConnectorRow[]>();
  protected readonly columns = ['name', 'type', 'className', 'state', 'tasks', 'failed', 'topics'];
  protected readonly isEmpty = computed(() => this.rows().length === 0);
}
