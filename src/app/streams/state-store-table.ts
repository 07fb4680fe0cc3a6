import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { formatBytes } from '../topics/topic-format';
import { formatCount } from './streams-format';
import { restoreExplanation, restoreLabel, retentionVerdict, type RetentionVerdict } from './streams-rules';
import type { StreamsStore, StreamsTopicUse } from './streams.model';

/** A store as the table shows it, judged and formatted by the page. */
export interface StateStoreRow extends StreamsStore {
  /** The record count with grouped digits, or a dash. */
  recordsLabel: string;
  size: string;
  retention: RetentionVerdict;
  restore: string;
  restoreExplanation: string;
  /** Whether the changelog exists, so it links to its topic page. */
  hasChangelog: boolean;
}

/**
 * A store as the table shows it. `changelogs` are those the topology names, which tell whether
 * the changelog exists; without the topology (a classic app), one the server counted exists.
 */
export function stateStoreRow(store: StreamsStore, changelogs: readonly StreamsTopicUse[]): StateStoreRow {
  const changelog = changelogs.find((use) => use.topic === store.changelogTopic);
  return {
    ...store,
    recordsLabel: formatCount(store.records),
    size: formatBytes(store.sizeBytes),
    retention: retentionVerdict(store),
    restore: restoreLabel(store),
    restoreExplanation: restoreExplanation(store),
    hasChangelog: changelog ? changelog.exists : store.records !== null,
  };
}

/**
 * The state stores of a Streams app: windowed or not, their changelog (linked), its cleanup
 * policy, size and retention against the broker default (flagged when infinite or longer), and
 * how long a full restore would take at the measured rate.
 */
@Component({
  selector: 'kpc-state-store-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, MatTableModule, MatTooltipModule, RouterLink],
  templateUrl: './state-store-table.html',
  styles: `
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    a {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    a:hover {
      text-decoration: underline;
    }
    .flagged {
      color: var(--kpc-warn);
      font-weight: 500;
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .explained {
      text-decoration: underline dotted;
      cursor: help;
    }
  `,
})
export class StateStoreTable {
  readonly stores = input.required<StateStoreRow[]>();
  /** The cluster, for the links to each changelog topic. */
  readonly cluster = input.required<string>();
  protected readonly trackByName = (_: number, store: StateStoreRow) => store.name;
  protected readonly columns = ['name', 'windowed', 'changelog', 'cleanupPolicy', 'records', 'size', 'retention', 'restore'];
}
