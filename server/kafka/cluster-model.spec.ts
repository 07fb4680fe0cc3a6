import { ClusterModel, type ModelTiming } from './cluster-model';
import type { ClusterConfig } from './clusters-config';
import { KafkaClients } from './kafka-clients';

const quick = { refreshMs: 20, staleMs: 1_000, idleMs: 50 };
const TIMING: ModelTiming = { metadata: quick, offsets: quick, groups: quick, sizes: quick, details: quick, measurements: quick };
const cluster = { name: 'unread', bootstrapServers: ['127.0.0.1:1'] } as ClusterConfig;

describe('ClusterModel', () => {
  let kafka: KafkaClients;
  let model: ClusterModel;

  beforeEach(() => {
    kafka = new KafkaClients();
    model = new ClusterModel(kafka, TIMING);
  });

  afterEach(async () => {
    model.close();
    await kafka.close();
  });

  describe('live', () => {
    const idleLongEnough = () => new Promise((resolve) => setTimeout(resolve, 200));

    describe('a part of one page (details timing)', () => {
      it('is forgotten once no page has asked for it for a while', async () => {
        const first = model.live(cluster, 'configs:orders', async () => 'configs', 'details');
        await first.get();
        await idleLongEnough();

        expect(model.live(cluster, 'configs:orders', async () => 'configs', 'details')).not.toBe(first);
      });
    });

    describe('a part of the whole cluster', () => {
      it('is kept while idle, so the next page answers from memory at once', async () => {
        const first = model.live(cluster, 'everything', async () => 'all', 'groups');
        await first.get();
        await idleLongEnough();

        expect(model.live(cluster, 'everything', async () => 'all', 'groups')).toBe(first);
      });
    });
  });
});
