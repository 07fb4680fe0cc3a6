import type { AdvisorReport, CalculatorStore, Evidence, Finding, PrefillSource } from './advisor.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function anEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return { label: 'replication.factor', value: '1', source: 'topic config', ...overrides };
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'durability:topic:shop.orders',
    rule: 'durability',
    severity: 'critical',
    subject: { kind: 'topic', name: 'shop.orders' },
    title: 'shop.orders keeps one copy of each record',
    evidence: [anEvidence()],
    fix: {
      target: 'topic',
      summary: 'Raise the replication factor to 3.',
      config: 'replication.factor=3\nmin.insync.replicas=2',
      why: 'One broker lost takes the records with it.',
    },
    link: '/clusters/local/topics/shop.orders',
    ...overrides,
  };
}

/** A rocksdb finding on a Streams app whose evidence describes its stores. */
export function aRocksDbFinding(
  app = 'order-enricher',
  evidence: Evidence[] = [aStoreEvidence()],
  overrides: Partial<Finding> = {},
): Finding {
  return aFinding({
    id: `rocksdb:streams-app:${app}`,
    rule: 'rocksdb',
    severity: 'warning',
    subject: { kind: 'streams-app', name: app },
    title: `${app} may take 3,528 MiB off-heap for RocksDB`,
    evidence,
    fix: {
      target: 'streams-app',
      summary: 'Bound RocksDB with a shared cache.',
      config: 'rocksdb.config.setter=com.example.BoundedMemoryRocksDBConfig',
      why: 'Off-heap memory is not counted in the heap.',
    },
    link: `/clusters/local/streams/${app}`,
    ...overrides,
  });
}

export function aStoreEvidence(name = 'order-totals', value = 'windowed, 12 partitions, 3 segments, 3,528 MiB'): Evidence {
  return anEvidence({ label: `store ${name}`, value, source: 'topology and changelog partitions' });
}

export function aReport(overrides: Partial<AdvisorReport> = {}): AdvisorReport {
  return { asOf: '2026-12-01T10:00:00.000Z', findings: [aFinding()], skipped: [], ...overrides };
}

export function aStore(overrides: Partial<CalculatorStore> = {}): CalculatorStore {
  return { name: 'order-totals', isWindowed: true, partitions: 12, segments: 3, ...overrides };
}

export function aPrefillSource(overrides: Partial<PrefillSource> = {}): PrefillSource {
  return { app: 'order-enricher', stores: [aStore()], settings: {}, ...overrides };
}
