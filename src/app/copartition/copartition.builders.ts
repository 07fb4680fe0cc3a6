import { groupCardView } from './copartition-rules';
import type { CheckJob, CopartitionGroup, CopartitionReport, Finding, GroupCardView, GroupHealth, KeyEvidence } from './copartition.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aGroup(overrides: Partial<CopartitionGroup> = {}): CopartitionGroup {
  return {
    id: 'consumer-group:shipment-tracker',
    name: 'shipment-tracker',
    origin: 'consumer-group',
    topics: ['shop.orders.avro', 'shop.shipments.avro'],
    reason: 'Consumer group shipment-tracker reads both',
    ...overrides,
  };
}

export function aKeyEvidence(overrides: Partial<KeyEvidence> = {}): KeyEvidence {
  return {
    key: 'order-1001',
    cause: 'schema-id',
    placements: [
      { topic: 'shop.orders.avro', partition: 2, expectedPartition: 2, schemaId: 1, keyHex: '00' },
      { topic: 'shop.shipments.avro', partition: 0, expectedPartition: 0, schemaId: 2, keyHex: '00' },
    ],
    homePartition: 2,
    misplaced: [],
    misplacedCount: 0,
    ...overrides,
  };
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    cause: 'schema-id',
    summary: 'Schema ids differ.',
    fix: 'Use a primitive serde.',
    keys: [aKeyEvidence()],
    keyCount: 1,
    ...overrides,
  };
}

export function aReport(overrides: Partial<CopartitionReport> = {}): CopartitionReport {
  return {
    group: aGroup(),
    verdict: 'broken',
    summary: 'Not co-partitioned.',
    findings: [aFinding()],
    topics: [],
    commonKeys: 25,
    checkedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

export function aGroupHealth(overrides: Partial<GroupHealth> = {}): GroupHealth {
  return { group: aGroup(), report: aReport(), ...overrides };
}

export function aJob(overrides: Partial<CheckJob> = {}): CheckJob {
  return { id: 'job-1', status: 'running', progress: { partitionsRead: 3, partitionsTotal: 12, recordsRead: 150 }, ...overrides };
}

/** A card as the page prepares it, from its group, the quick report and a full check. */
export function aCardView({
  group = aGroup(),
  report = aReport(),
  job = null,
}: {
  group?: CopartitionGroup;
  report?: CopartitionReport | null;
  job?: CheckJob | null;
} = {}): GroupCardView {
  return groupCardView(group, report, job);
}

/** A key whose records sit on its partition in every topic, but one record of the second topic sits elsewhere. */
export function aMisplacedKey(overrides: Partial<KeyEvidence> = {}): KeyEvidence {
  return aKeyEvidence({
    key: 'u1',
    cause: 'misplaced-key',
    placements: [
      { topic: 'shop.orders.avro', partition: 4, expectedPartition: 4, schemaId: null, keyHex: '7531' },
      { topic: 'shop.shipments.avro', partition: 4, expectedPartition: 4, schemaId: null, keyHex: '7531' },
    ],
    homePartition: 4,
    misplaced: [{ topic: 'shop.shipments.avro', partition: 1, offset: 6 }],
    misplacedCount: 1,
    ...overrides,
  });
}
