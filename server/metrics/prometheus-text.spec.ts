import { parsePrometheusText, PrometheusTextError } from './prometheus-text';

describe('parsePrometheusText', () => {
  it('reads samples with and without labels, skipping HELP, TYPE and comments', () => {
    const text = [
      '# HELP kafka_server_bytes_in_total Bytes written to the broker',
      '# TYPE kafka_server_bytes_in_total counter',
      'kafka_server_bytes_in_total 762.0',
      '# a comment',
      '',
      'kafka_network_request_total_time_ms_p99{request="FetchConsumer"} 553.0',
      'kafka_connect_connector_tasks{connector="orders-sink",status="running",} 2',
    ].join('\n');

    expect(parsePrometheusText(text)).toEqual([
      { name: 'kafka_server_bytes_in_total', labels: {}, value: 762 },
      { name: 'kafka_network_request_total_time_ms_p99', labels: { request: 'FetchConsumer' }, value: 553 },
      { name: 'kafka_connect_connector_tasks', labels: { connector: 'orders-sink', status: 'running' }, value: 2 },
    ]);
  });

  it('reads the numbers Java writes: exponents, NaN and infinities', () => {
    const text = ['process_resident_memory_bytes 3.97828096E8', 'a 1e-3', 'b -.5', 'c NaN', 'd +Inf', 'e -Inf', 'f 7'].join('\n');

    const values = parsePrometheusText(text).map((sample) => sample.value);

    expect(values.slice(0, 3)).toEqual([397828096, 0.001, -0.5]);
    expect(values[3]).toBeNaN();
    expect(values.slice(4)).toEqual([Infinity, -Infinity, 7]);
  });

  it('reads a timestamp after the value, blanks and tabs between tokens, and CRLF line ends', () => {
    const text = 'up{job="kafka"}\t1  1712345678901 \r\n  down 0\r\n';

    expect(parsePrometheusText(text)).toEqual([
      { name: 'up', labels: { job: 'kafka' }, value: 1, timestamp: 1712345678901 },
      { name: 'down', labels: {}, value: 0 },
    ]);
  });

  it('resolves the escapes of label values and keeps what else they hold', () => {
    const text = String.raw`m{path="C:\\data",quote="say \"hi\"",lines="a\nb",odd="x=1, y={2}"} 1`;

    expect(parsePrometheusText(text)[0]?.labels).toEqual({ path: 'C:\\data', quote: 'say "hi"', lines: 'a\nb', odd: 'x=1, y={2}' });
  });

  it('allows blanks inside the braces, and between a name and its braces', () => {
    expect(parsePrometheusText('m { a = "1" , b="2" } 3')).toEqual([{ name: 'm', labels: { a: '1', b: '2' }, value: 3 }]);
  });

  it('reads OpenMetrics text: quoted names, # EOF ends the answer', () => {
    const text = ['# TYPE my.metric gauge', '# UNIT my.metric bytes', '{"my.metric", "label.name"="v"} 5', '# EOF', 'ignored 1'].join('\n');

    expect(parsePrometheusText(text)).toEqual([{ name: 'my.metric', labels: { 'label.name': 'v' }, value: 5 }]);
  });

  it('skips the samples `keep` refuses without reading their labels', () => {
    const text = ['jvm_memory_used_bytes{area="heap" this is not checked', 'kafka_server_bytes_in_total 1'].join('\n');

    expect(parsePrometheusText(text, (name) => name.startsWith('kafka_'))).toEqual([
      { name: 'kafka_server_bytes_in_total', labels: {}, value: 1 },
    ]);
  });

  it('answers nothing for an empty text', () => {
    expect(parsePrometheusText('')).toEqual([]);
    expect(parsePrometheusText('\n# only comments\n')).toEqual([]);
  });

  describe('refuses what is not the text format, naming the line', () => {
    const cases: [string, string, RegExp][] = [
      ['an HTML page', '<html><body>Not found</body></html>', /line 1: expected a metric name/],
      ['a value that is not a number', 'm 12abc', /line 1: expected a number as the value, not "12abc"/],
      ['a missing value', 'ok 1\nm{a="1"}', /line 2: expected a value after m at column 9/],
      ['a name with a character names cannot have', 'kafka.bytes 1', /expected a blank between kafka and its value/],
      ['an unquoted label value', 'm{a=1} 2', /expected the value of label a in double quotes/],
      ['an unclosed label value', 'm{a="1} 2', /expected the closing double quote of the value of label a/],
      ['an unknown escape', String.raw`m{a="\t"} 2`, /only .* as escapes/],
      ['a label given twice', 'm{a="1",a="2"} 3', /expected label a only once/],
      ['a missing comma', 'm{a="1" b="2"} 3', /expected "," or "}" after a label/],
      ['a timestamp that is not an integer', 'm 1 12.5', /expected a timestamp in milliseconds/],
      ['something after the timestamp', 'm 1 12 13', /expected the end of the line/],
      ['labels without a name', '{a="1"} 2', /expected a metric name/],
    ];
    for (const [what, text, message] of cases) {
      it(what, () => {
        expect(() => parsePrometheusText(text)).toThrowMatching((err) => err instanceof PrometheusTextError && message.test(err.message));
      });
    }
  });

  it('reads what the JMX exporter agent answers', () => {
    const text = `# HELP jmx_exporter_build_info JMX Exporter build information
# TYPE jmx_exporter_build_info gauge
jmx_exporter_build_info{name="jmx_prometheus_javaagent",version="1.0.1"} 1
# HELP kafka_streams_rocksdb_block_cache_usage_bytes A RocksDB store's block cache
# TYPE kafka_streams_rocksdb_block_cache_usage_bytes gauge
kafka_streams_rocksdb_block_cache_usage_bytes{store="orders-store",task_id="1_0",thread_id="order-enricher-05e20bbe-4542-4ee8-b038-6c4067a68331-StreamThread-1"} 262320.0
kafka_streams_thread_process_latency_avg_ms{thread_id="order-enricher-05e20bbe-4542-4ee8-b038-6c4067a68331-StreamThread-1"} NaN
`;

    const samples = parsePrometheusText(text);

    expect(samples.length).toBe(3);
    expect(samples[1]).toEqual({
      name: 'kafka_streams_rocksdb_block_cache_usage_bytes',
      labels: { store: 'orders-store', task_id: '1_0', thread_id: 'order-enricher-05e20bbe-4542-4ee8-b038-6c4067a68331-StreamThread-1' },
      value: 262320,
    });
  });
});
