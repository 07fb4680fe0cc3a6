import type { StoreFacts, StreamsAppFacts } from './streams-facts';

const DAY = 86_400_000;

/** A key-value store on 6 partitions, its changelog empty; a spec states only what decides. */
export function aStore(overrides: Partial<StoreFacts> = {}): StoreFacts {
  return {
    name: 'totals-store',
    changelogTopic: 'billing-totals-store-changelog',
    windowed: false,
    cleanupPolicy: 'compact',
    records: 0,
    sizeBytes: 0,
    retentionMs: null,
    brokerDefaultRetentionMs: 7 * DAY,
    restoreSeconds: 0,
    restoreRate: null,
    partitions: 6,
    requestedRetentionMs: null,
    ...overrides,
  };
}

/** A windowed store (`compact,delete`) whose changelog keeps what the app asks for: a 10-minute window, 30 s grace, 1 day more. */
export function aWindowedStore(overrides: Partial<StoreFacts> = {}): StoreFacts {
  const requested = 630_000 + DAY;
  return aStore({
    name: 'clicks-per-minute',
    changelogTopic: 'billing-clicks-per-minute-changelog',
    windowed: true,
    cleanupPolicy: 'compact,delete',
    retentionMs: requested,
    requestedRetentionMs: requested,
    ...overrides,
  });
}

/** A Streams app `billing` on the streams protocol, one instance running. */
export function aStreamsApp(overrides: Partial<StreamsAppFacts> = {}): StreamsAppFacts {
  return { applicationId: 'billing', protocol: 'streams', instances: 1, stores: [aStore()], ...overrides };
}
