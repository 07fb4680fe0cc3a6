import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What to write in the cluster config so the console scrapes Prometheus endpoints, shown while it names none. */
@Component({
  selector: 'kpc-prometheus-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <div class="setup" role="note">
      <mat-icon class="icon">monitoring</mat-icon>
      <div>
        <h2>No Prometheus endpoints configured</h2>
        <p>
          The console charts what brokers, Connect workers and Kafka Streams apps report about themselves (bytes in and out, request
          latency, task status, process rate, RocksDB memory) once it knows where to scrape them. Name their Prometheus endpoints under
          <code>prometheus:</code> in the cluster's entry of the console's config file (<code>KPC_CONFIG</code>, or
          <code>kpc.config.yaml</code>), then restart the console:
        </p>
        <pre>{{ example() }}</pre>
        <p>
          <code>kind</code> is <code>broker</code>, <code>connect</code> or <code>streams</code>. Brokers usually expose these metrics
          through the Prometheus JMX exporter agent; Connect and Streams apps the same way.
        </p>
      </div>
    </div>
  `,
  styles: `
    .setup {
      display: flex;
      gap: 20px;
      padding: 24px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .icon {
      font-size: 40px;
      width: 40px;
      height: 40px;
      color: var(--mat-sys-primary);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 12px;
      max-width: 760px;
    }
    pre {
      margin: 0 0 12px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      overflow-x: auto;
    }
  `,
})
export class PrometheusSetup {
  readonly cluster = input.required<string>();

  protected readonly example = computed(
    () => `clusters:
  - name: ${this.cluster()}
    bootstrapServers: kafka-1:9092
    prometheus:
      - { name: kafka-1, kind: broker, url: "http://kafka-1:9404/metrics" }
      - { name: cdc, kind: connect, url: "http://connect-cdc:9404/metrics" }
      - { name: order-enricher, kind: streams, url: "http://enricher:9404/metrics" }`,
  );
}
