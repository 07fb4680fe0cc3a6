package kpc.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo pipeline's Kafka Streams services, two applications in one small JVM, both on the
 * Streams rebalance protocol (KIP-1071, {@code group.protocol=streams}):
 *
 * <ul>
 *   <li>{@code payment-matcher}: routes the monolith's domain events by type to the orders and
 *       payments topics, keyed by order id (one sub-topology), and joins those two
 *       co-partitioned topics in a time window, writing each match to its output topic (another).
 *   <li>{@code order-enricher}: re-keys the domain events by order id through a repartition topic
 *       and keeps one aggregate per order in a RocksDB store ({@code orders-store}, changelog
 *       {@code order-enricher-orders-store-changelog}), writing every change to its output topic.
 * </ul>
 *
 * <p>Started by {@code server/local-stack/streams-app.ts} with one argument, a properties file.
 * Each application writes its {@code Topology#describe()} to {@code <output.dir>/<id>.topology.txt}
 * and the states of both to {@code status.file} (JSON), which the starter waits on.
 */
public final class DemoStreamsApp {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStreamsApp.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Serde<String> STRING = Serdes.String();

  static final String ORDER_PLACED = "OrderPlaced";
  static final String PAYMENT_CAPTURED = "PaymentCaptured";
  static final String ORDER_SHIPPED = "OrderShipped";
  private static final Set<String> ORDER_EVENTS = Set.of(ORDER_PLACED, PAYMENT_CAPTURED, ORDER_SHIPPED);

  private final Properties conf;
  private final Map<String, KafkaStreams.State> states = new LinkedHashMap<>();

  private DemoStreamsApp(Properties conf) {
    this.conf = conf;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: DemoStreamsApp <config.properties>");
      System.exit(2);
    }
    Properties conf = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      conf.load(reader);
    }
    new DemoStreamsApp(conf).run();
  }

  private String get(String key) {
    String value = conf.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing setting " + key);
    }
    return value.trim();
  }

  private void run() throws Exception {
    String matcherId = get("matcher.application.id");
    String enricherId = get("enricher.application.id");
    prepareCluster();

    Map<String, Topology> topologies = new LinkedHashMap<>();
    topologies.put(matcherId, paymentMatcher());
    topologies.put(enricherId, orderEnricher());

    Path outputDir = Path.of(get("output.dir"));
    Files.createDirectories(outputDir);
    List<KafkaStreams> apps = new ArrayList<>();
    for (Map.Entry<String, Topology> entry : topologies.entrySet()) {
      String applicationId = entry.getKey();
      String description = entry.getValue().describe().toString();
      writeAtomically(outputDir.resolve(applicationId + ".topology.txt"), description);
      LOG.info("{} topology:\n{}", applicationId, description);
      KafkaStreams streams = new KafkaStreams(entry.getValue(), streamsConfig(applicationId));
      synchronized (states) {
        states.put(applicationId, streams.state());
      }
      streams.setStateListener((newState, oldState) -> {
        LOG.info("{}: {} -> {}", applicationId, oldState, newState);
        synchronized (states) {
          states.put(applicationId, newState);
          writeStatus();
        }
      });
      // A failed stream thread is replaced, so the demo keeps moving after a hiccup.
      streams.setUncaughtExceptionHandler(error -> {
        LOG.error("{}: stream thread failed, replacing it", applicationId, error);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      apps.add(streams);
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      // Closed together: each leaves its group, which takes a round trip to the broker.
      apps.parallelStream().forEach(streams -> streams.close(Duration.ofSeconds(15)));
      stopped.countDown();
    }, "demo-streams-shutdown"));
    synchronized (states) {
      writeStatus();
    }
    for (KafkaStreams streams : apps) {
      streams.start();
    }
    stopped.await();
  }

  /**
   * payment-matcher. Sub-topology 0 routes the domain events (one partition, no key: the
   * FileStreamSource connector publishes lines) by type to the orders and payments topics,
   * keyed by order id, so the producer's default partitioner co-partitions them. Sub-topology 1
   * joins the two topics: a payment within the window of its order is a match.
   */
  private Topology paymentMatcher() {
    String orders = get("topic.orders");
    String payments = get("topic.payments");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(get("topic.domain-events"), Consumed.with(STRING, STRING).withName("domain-events"))
        .filter((key, line) -> orderId(parse(line)) != null, Named.as("order-events-only"))
        .selectKey((key, line) -> orderId(parse(line)), Named.as("key-by-order-id"))
        .split(Named.as("route-"))
        .branch((orderId, line) -> ORDER_PLACED.equals(type(parse(line))),
            Branched.withConsumer(placed -> placed.to(orders, Produced.with(STRING, STRING).withName("to-orders")), "orders"))
        .branch((orderId, line) -> PAYMENT_CAPTURED.equals(type(parse(line))),
            Branched.withConsumer(captured -> captured.to(payments, Produced.with(STRING, STRING).withName("to-payments")), "payments"))
        .noDefaultBranch();

    KStream<String, String> placed = builder.stream(orders, Consumed.with(STRING, STRING).withName("orders"));
    KStream<String, String> captured = builder.stream(payments, Consumed.with(STRING, STRING).withName("payments"));
    Duration window = Duration.ofMillis(Long.parseLong(conf.getProperty("join.window.ms", "300000")));
    placed
        .join(captured, DemoStreamsApp::match, JoinWindows.ofTimeDifferenceAndGrace(window, Duration.ofSeconds(30)),
            StreamJoined.with(STRING, STRING, STRING).withName("match-payment").withStoreName("order-payments"))
        .to(get("topic.matches"), Produced.with(STRING, STRING).withName("to-matches"));
    return builder.build();
  }

  /**
   * order-enricher. Sub-topology 0 re-keys the domain events by order id into the repartition
   * topic {@code <id>-orders-by-id-repartition}; sub-topology 1 folds each order's events into
   * one aggregate in the RocksDB store {@code orders-store} and writes every update out.
   */
  private Topology orderEnricher() {
    int partitions = Integer.parseInt(conf.getProperty("topic.partitions", "6"));
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> events = builder.stream(get("topic.domain-events"), Consumed.with(STRING, STRING).withName("domain-events"));
    long workMs = Long.parseLong(conf.getProperty("process.delay.ms", "0"));
    if (workMs > 0) {
      // A spec's slow consumer: each domain event takes this long, as a call to another service would.
      events = events.peek((key, line) -> work(workMs), Named.as("simulated-work"));
    }
    events
        .filter((key, line) -> ORDER_EVENTS.contains(type(parse(line))) && orderId(parse(line)) != null, Named.as("order-events-only"))
        .selectKey((key, line) -> orderId(parse(line)), Named.as("key-by-order-id"))
        .repartition(Repartitioned.with(STRING, STRING).withName("orders-by-id").withNumberOfPartitions(partitions))
        .groupByKey()
        .aggregate(() -> null, DemoStreamsApp::enrich, Named.as("enrich"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("orders-store").withKeySerde(STRING).withValueSerde(STRING))
        .toStream(Named.as("order-updates"))
        .to(get("topic.enriched"), Produced.with(STRING, STRING).withName("to-enriched"));
    return builder.build();
  }

  private static void work(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String match(String orderLine, String paymentLine) {
    JsonNode order = parse(orderLine);
    JsonNode payment = parse(paymentLine);
    ObjectNode match = JSON.createObjectNode();
    match.put("orderId", orderId(order));
    match.set("orderSequence", order.get("sequence"));
    match.set("paymentSequence", payment.get("sequence"));
    match.set("amount", payment.has("amount") ? payment.get("amount") : order.get("amount"));
    match.set("placedAt", order.get("occurredAt"));
    match.set("paidAt", payment.get("occurredAt"));
    return match.toString();
  }

  /**
   * One order's state after one more event. Idempotent, as the bridge's at-least-once delivery
   * requires: an event whose sequence is not above the last one applied is a duplicate (or
   * arrived late) and only counted.
   */
  static String enrich(String orderId, String line, String aggregateJson) {
    JsonNode event = parse(line);
    ObjectNode aggregate = aggregateJson == null ? null : (ObjectNode) parse(aggregateJson);
    if (aggregate == null) {
      aggregate = JSON.createObjectNode();
      aggregate.put("orderId", orderId);
      aggregate.put("status", "NEW");
      aggregate.put("events", 0);
      aggregate.put("duplicatesSkipped", 0);
    }
    JsonNode sequence = event.get("sequence");
    JsonNode last = aggregate.get("lastSequence");
    if (sequence != null && sequence.isNumber() && last != null && sequence.asLong() <= last.asLong()) {
      aggregate.put("duplicatesSkipped", aggregate.path("duplicatesSkipped").asLong() + 1);
      return aggregate.toString();
    }
    if (sequence != null && sequence.isNumber()) {
      aggregate.put("lastSequence", sequence.asLong());
    }
    aggregate.put("events", aggregate.path("events").asLong() + 1);
    String occurredAt = event.path("occurredAt").asText(null);
    switch (type(event)) {
      case ORDER_PLACED -> {
        aggregate.put("placedAt", occurredAt);
        if (event.has("amount")) aggregate.set("amount", event.get("amount"));
        if ("NEW".equals(aggregate.path("status").asText())) aggregate.put("status", "PLACED");
      }
      case PAYMENT_CAPTURED -> {
        aggregate.put("paidAt", occurredAt);
        if (!"SHIPPED".equals(aggregate.path("status").asText())) aggregate.put("status", "PAID");
      }
      case ORDER_SHIPPED -> {
        aggregate.put("shippedAt", occurredAt);
        if (event.has("carrier")) aggregate.set("carrier", event.get("carrier"));
        aggregate.put("status", "SHIPPED");
      }
      default -> { }
    }
    return aggregate.toString();
  }

  /** A domain event line as JSON; an empty object for a line that is not JSON. */
  static JsonNode parse(String line) {
    if (line == null) return JSON.createObjectNode();
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  static String type(JsonNode event) {
    return event.path("type").asText("");
  }

  /** The order an event belongs to: `aggregateId`, else `id` (both hold it in the monolith's lines). */
  static String orderId(JsonNode event) {
    for (String field : new String[] {"aggregateId", "id"}) {
      JsonNode value = event.get(field);
      if (value != null && value.isTextual() && !value.asText().isBlank()) return value.asText();
    }
    return null;
  }

  private Properties streamsConfig(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, get("bootstrap.servers"));
    // KIP-1071: the broker assigns the tasks and knows the topology (StreamsGroupDescribe).
    props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
    props.put(StreamsConfig.STATE_DIR_CONFIG, get("state.dir"));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    // The demo should move while someone watches: results out every second, not every 30 s,
    // and a small record cache, so aggregates are not held back.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 256 * 1024L);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    // The console charts each store's block cache and memtables (block-cache-usage,
    // size-all-mem-tables, scraped by the JMX exporter agent): RocksDB's property-based metrics,
    // recorded at INFO. That is Kafka's default, written out so the charts never depend on it;
    // DEBUG would add the statistics-based ones (hit ratios, bytes written) at the cost of
    // RocksDB statistics kept on every store.
    props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "INFO");
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    props.put(StreamsConfig.producerPrefix("linger.ms"), 20);
    return props;
  }

  /**
   * Turns the Streams rebalance protocol on if the cluster has it off (`streams.version` 0, as
   * on a data dir formatted before it became the default), and creates the topics the apps read
   * and write when missing: the broker creates internal topics, never these
   * (`auto.create.topics.enable=false`).
   */
  private void prepareCluster() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, get("bootstrap.servers"));
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "demo-streams-app-admin");
    try (Admin admin = Admin.create(props)) {
      FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
      FinalizedVersionRange finalized = features.finalizedFeatures().get("streams.version");
      SupportedVersionRange supported = features.supportedFeatures().get("streams.version");
      if ((finalized == null || finalized.maxVersionLevel() < 1) && supported != null && supported.maxVersion() >= 1) {
        LOG.info("streams.version is off on this cluster: upgrading it to 1 (KIP-1071)");
        admin.updateFeatures(Map.of("streams.version", new FeatureUpdate((short) 1, FeatureUpdate.UpgradeType.UPGRADE)),
            new UpdateFeaturesOptions()).all().get();
      }

      int partitions = Integer.parseInt(conf.getProperty("topic.partitions", "6"));
      String week = String.valueOf(Duration.ofDays(7).toMillis());
      List<NewTopic> topics = List.of(
          newTopic(get("topic.domain-events"), 1, "-1"),
          newTopic(get("topic.orders"), partitions, "-1"),
          newTopic(get("topic.payments"), partitions, "-1"),
          newTopic(get("topic.matches"), partitions, week),
          newTopic(get("topic.enriched"), partitions, week));
      for (NewTopic topic : topics) {
        try {
          admin.createTopics(List.of(topic)).all().get();
          LOG.info("created topic {}", topic.name());
        } catch (ExecutionException error) {
          if (!(error.getCause() instanceof TopicExistsException)) throw error;
        }
      }
    }
  }

  /** A topic with the broker's default replication factor. */
  private static NewTopic newTopic(String name, int partitions, String retentionMs) {
    return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(Map.of("retention.ms", retentionMs));
  }

  /** Written whole on each change: {"pid":…,"apps":{"payment-matcher":"RUNNING",…}}. */
  private void writeStatus() {
    ObjectNode status = JSON.createObjectNode();
    status.put("pid", ProcessHandle.current().pid());
    ObjectNode apps = status.putObject("apps");
    states.forEach((applicationId, state) -> apps.put(applicationId, state.name()));
    try {
      writeAtomically(Path.of(get("status.file")), status.toString());
    } catch (IOException error) {
      LOG.warn("cannot write the status file", error);
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, content, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
