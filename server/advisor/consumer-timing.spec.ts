import { parsePrometheusText } from '../metrics/prometheus-text';
import { consumerTimings } from './consumer-timing';

/** What the JMX exporter agent serves for the demo's order-enricher and the archive connector, as read on the local stack. */
const STREAMS_APP = `
# TYPE kafka_consumer_records_consumed_rate gauge
kafka_consumer_records_consumed_rate{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1-consumer"} 5.867658165340149
kafka_consumer_records_consumed_rate{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StateUpdater-1-restore-consumer"} 0.0
kafka_consumer_time_between_poll_avg_ms{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1-consumer"} 90.11904761904762
kafka_consumer_time_between_poll_max_ms{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1-consumer"} 187.0
kafka_consumer_poll_idle_ratio{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1-consumer"} 0.4868980681012564
kafka_consumer_commit_rate{client_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1-consumer"} 0.9274935590725065
kafka_streams_thread_process_latency_avg_ms{thread_id="order-enricher-aac2a757-6ef2-4f03-bd6d-72210031daf4-StreamThread-1"} 0.7100340136054423
`;
const CONNECT = `
kafka_consumer_records_consumed_rate{client_id="connector-consumer-domain-events-archive-0"} 2.6904669512352863
kafka_consumer_records_consumed_rate{client_id="connect-cluster-offsets"} 19.656490990242094
kafka_consumer_time_between_poll_max_ms{client_id="connector-consumer-domain-events-archive-0"} 4764.0
kafka_consumer_time_between_poll_avg_ms{client_id="connect-cluster-configs"} NaN
kafka_consumer_commit_rate{client_id="connector-consumer-domain-events-archive-0"} 0.20680812342308805
`;

describe('consumer timing', () => {
  describe('consumerTimings', () => {
    const timings = consumerTimings([
      { endpoint: 'streams-app', samples: parsePrometheusText(STREAMS_APP) },
      { endpoint: 'connect', samples: parsePrometheusText(CONNECT) },
    ]);

    it('keeps the consumers whose group their client id names, one per endpoint and client', () =>
      expect(timings.map((one) => [one.endpoint, one.owner.groupId])).toEqual([
        ['streams-app', 'order-enricher'],
        ['connect', 'connect-domain-events-archive'],
      ]));

    it("reads each figure, and the stream thread's time per record for its consumer", () =>
      expect(timings[0]).toEqual(
        jasmine.objectContaining({
          recordsPerSecond: 5.867658165340149,
          timeBetweenPollAvgMs: 90.11904761904762,
          timeBetweenPollMaxMs: 187,
          pollIdleRatio: 0.4868980681012564,
          commitsPerSecond: 0.9274935590725065,
          processLatencyMs: 0.7100340136054423,
        }),
      ));

    it('leaves a figure the client did not report (or reported as NaN) unknown', () =>
      expect(timings[1]).toEqual(
        jasmine.objectContaining({ timeBetweenPollAvgMs: null, pollIdleRatio: null, processLatencyMs: null, timeBetweenPollMaxMs: 4764 }),
      ));
  });
});
