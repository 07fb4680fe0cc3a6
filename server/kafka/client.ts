/**
 * What the rest of the server uses of the Kafka client library, `@platformatic/kafka`
 * (pinned in package.json). Only `server/kafka/` imports the library itself: feature
 * gateways, the demo workload, the bench and the test helpers take it from here, so a client
 * upgrade or a workaround for one of its gaps is made in one folder.
 */
export {
  Admin,
  ConfigResourceTypes,
  ConfigSources,
  Consumer,
  FindCoordinatorKeyTypes,
  IncrementalAlterConfigOperationTypes,
  Producer,
  stringSerializers,
  type consumerGroupDescribeV0,
} from '@platformatic/kafka';
