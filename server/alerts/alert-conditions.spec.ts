import type { ConnectorSummary } from '../connect/connect.model';
import type { GroupMeasure, MetricsSample, PartitionLagMeasure } from '../metrics/metrics.model';
import { findBreaches, type ClusterState } from './alert-conditions';
import type { AlertRule } from './alerts.model';

function aRule(fields: Partial<AlertRule>): AlertRule {
  return {
    id: 'rule-1',
    name: 'rule',
    kind: 'lag-seconds',
    target: '*',
    threshold: null,
    forMinutes: 0,
    statuses: [],
    webhookUrl: 'http://127.0.0.1:1/hook',
    format: 'generic',
    enabled: true,
    createdAt: '2026-06-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    ...fields,
  };
}

function aGroup(fields: Partial<GroupMeasure>): GroupMeasure {
  return {
    groupId: 'billing',
    type: 'consumer',
    state: 'Stable',
    lag: 0,
    lagSeconds: 0,
    consumeRate: null,
    catchUpSeconds: null,
    status: 'OK',
    rule: 'no-lag',
    partitions: [],
    ...fields,
  };
}

function aPartition(fields: Partial<PartitionLagMeasure>): PartitionLagMeasure {
  return {
    topic: 'orders',
    partition: 0,
    committedOffset: 0,
    endOffset: 0,
    lag: 0,
    lagSeconds: 0,
    status: 'OK',
    rule: 'no-lag',
    ...fields,
  };
}

function aConnector(fields: Partial<ConnectorSummary>): ConnectorSummary {
  return {
    connectCluster: 'connect',
    name: 'orders-sink',
    type: 'sink',
    className: 'FileStreamSink',
    state: 'RUNNING',
    workerId: 'w1',
    tasks: [],
    failedTaskCount: 0,
    topics: [],
    ...fields,
  };
}

function aState(sample: Partial<MetricsSample> = {}, connectors = new Map<string, ConnectorSummary[] | undefined>()): ClusterState {
  return {
    sample: { cluster: 'local', time: 0, topics: [], groups: [], underReplicatedPartitions: 0, offlinePartitions: 0, ...sample },
    connectors,
  };
}

describe('findBreaches', () => {
  describe('group-status', () => {
    const rule = aRule({ kind: 'group-status', statuses: ['STALL', 'STOP'] });

    it('names a group whose status is watched, with the rule that decided it', () => {
      const stopped = aGroup({ status: 'STOP', rule: 'stopped', lag: 40 });

      expect(findBreaches(rule, aState({ groups: [stopped] })).breaches).toEqual([
        {
          subject: 'billing',
          summary: 'Consumer group billing is STOP: it has not committed for longer than the window spans (40 records behind)',
        },
      ]);
    });

    it('names a group whose partition is watched, though the group is ERR', () => {
      const stalled = aGroup({ status: 'ERR', rule: 'worst-partition', partitions: [aPartition({ status: 'STALL', rule: 'stalled' })] });

      expect(findBreaches(rule, aState({ groups: [stalled] })).breaches[0]!.summary).toContain('is STALL');
    });

    it('passes over a group of another status', () => {
      expect(findBreaches(rule, aState({ groups: [aGroup({ status: 'WARN' })] })).breaches).toEqual([]);
    });
  });

  describe('streams-app-empty', () => {
    describe('for every app', () => {
      it('names the Streams groups with no members', () => {
        const groups = [aGroup({ groupId: 'app', type: 'streams', state: 'Empty' }), aGroup({ groupId: 'plain', state: 'Empty' })];

        expect(findBreaches(aRule({ kind: 'streams-app-empty' }), aState({ groups })).breaches.map((breach) => breach.subject)).toEqual([
          'app',
        ]);
      });
    });

    describe('for a named app whose group is not there', () => {
      it('names it', () => {
        const breaches = findBreaches(aRule({ kind: 'streams-app-empty', target: 'wordcount' }), aState()).breaches;

        expect(breaches).toEqual([
          { subject: 'wordcount', summary: 'Streams app wordcount has no members (its group is not there): nothing processes its input' },
        ]);
      });
    });
  });

  describe('under-replicated', () => {
    it('fires above the threshold', () => {
      const rule = aRule({ kind: 'under-replicated', threshold: 0 });

      expect(findBreaches(rule, aState({ underReplicatedPartitions: 3 })).breaches.map((breach) => breach.subject)).toEqual(['cluster']);
      expect(findBreaches(rule, aState({ underReplicatedPartitions: 0 })).breaches).toEqual([]);
    });
  });

  describe('connector-failed', () => {
    const rule = aRule({ kind: 'connector-failed' });

    it('names a connector with a failed task', () => {
      const connectors = new Map([
        [
          'connect',
          [
            aConnector({ tasks: [{ id: 1, state: 'FAILED', workerId: 'w1' }] }),
            aConnector({ name: 'fine', tasks: [{ id: 0, state: 'RUNNING', workerId: 'w1' }] }),
          ],
        ],
      ]);

      expect(findBreaches(rule, aState({}, connectors)).breaches).toEqual([
        { subject: 'connect/orders-sink', summary: 'Connector orders-sink on Connect cluster connect: task 1 FAILED' },
      ]);
    });

    it('cannot tell anything of a Connect cluster that did not answer', () => {
      expect(findBreaches(rule, aState({}, new Map([['connect', undefined]])))).toEqual({ breaches: [], unknown: ['connect/'] });
    });
  });
});
