import { aClusterOverview } from './cluster.builders';
import { healthFigures, isHealthy } from './cluster-health';

describe('cluster-health', () => {
  describe('healthFigures', () => {
    const figure = (label: string, overrides = {}) => healthFigures(aClusterOverview(overrides)).find((f) => f.label === label)!;

    it('counts brokers, topics and partitions', () => {
      const figures = healthFigures(aClusterOverview({ topicCount: 7, partitionCount: 80 }));

      expect(figures.map((f) => [f.label, f.value])).toEqual([
        ['Brokers', 1],
        ['Topics', 7],
        ['Partitions', 80],
        ['Under-replicated', 0],
        ['Offline', 0],
      ]);
    });

    describe('when every replica is in sync', () => {
      it('shows under-replication as ok', () => expect(figure('Under-replicated').tone).toBe('ok'));
    });

    describe('when some partitions are under-replicated', () => {
      it('warns', () => expect(figure('Under-replicated', { underReplicatedPartitions: 3 }).tone).toBe('warn'));
    });

    describe('when some partitions have no leader', () => {
      it('shows an error and says what it means', () => {
        const offline = figure('Offline', { offlinePartitions: 2 });
        expect(offline.tone).toBe('error');
        expect(offline.hint).toContain('no leader');
      });
    });
  });

  describe('isHealthy', () => {
    it('is true with every partition led and in sync', () => expect(isHealthy(aClusterOverview())).toBeTrue());

    it('is false with an under-replicated partition', () =>
      expect(isHealthy(aClusterOverview({ underReplicatedPartitions: 1 }))).toBeFalse());

    it('is false with an offline partition', () => expect(isHealthy(aClusterOverview({ offlinePartitions: 1 }))).toBeFalse());
  });
});
