import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import type { BrokerSummary } from './cluster.model';

/** The brokers of a cluster, with the partitions each leads and hosts. */
@Component({
  selector: 'kpc-broker-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatChipsModule],
  templateUrl: './broker-table.html',
  styles: `
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
    }
  `,
})
export class BrokerTable {
  readonly brokers = input.required<BrokerSummary[]>();
  protected readonly columns = ['id', 'address', 'rack', 'role', 'leaders', 'replicas'];
  protected readonly lines = computed(() =>
    this.brokers().map((broker) => ({ ...broker, address: `${broker.host}:${broker.port}`, rackText: broker.rack ?? '—' })),
  );
}
