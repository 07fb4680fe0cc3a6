import { GroupFixtures } from '../testing/consumer-groups.fixtures';
import { TestKafka } from '../testing/test-kafka';
import { createLogger } from '../shared/logger';
import { removeDemoLeftovers } from './demo-leftovers';

/** On the test broker, with names of its own standing in for the demo's. */
describe('removing what an earlier demo seeded under the Kafka Streams apps’ names', () => {
  const logger = createLogger('silent');
  let kafka: TestKafka;
  let groups: GroupFixtures;
  beforeEach(() => {
    kafka = new TestKafka();
    groups = new GroupFixtures(kafka);
  });
  afterEach(async () => {
    await groups.cleanUp();
    await kafka.cleanUp();
  });

  it('deletes an Empty classic group and a stand-in changelog of OrderEnriched records', async () => {
    const topic = await groups.topic('leftover-input', [3]);
    const emptyGroup = await groups.committedGroup('leftover-matcher', topic, [2]);
    const standIn = await kafka.createTopic('leftover-changelog', { partitions: 2 });
    await kafka.produce(standIn, [{ key: 'order-1000', value: '{"type":"OrderEnriched","id":"order-1000","sequence":0}', partition: 1 }]);

    const removed = await removeDemoLeftovers(kafka.admin, logger, { classicGroups: [emptyGroup], standInChangelog: standIn });

    expect(removed).toEqual([`group ${emptyGroup}`, `topic ${standIn}`]);
    expect((await kafka.admin.listGroups({ types: ['classic'] })).has(emptyGroup)).toBeFalse();
    expect(await kafka.admin.listTopics()).not.toContain(standIn);
  });

  it('leaves a group with members and a changelog the real app wrote', async () => {
    const topic = await groups.topic('leftover-input', [3]);
    const activeGroup = groups.groupId('leftover-active');
    await groups.attachConsumer(activeGroup, topic);
    const realChangelog = await kafka.createTopic('real-changelog');
    await kafka.produce(realChangelog, [{ key: 'order-100041', value: '{"orderId":"order-100041","status":"PAID","events":2}' }]);

    const removed = await removeDemoLeftovers(kafka.admin, logger, {
      classicGroups: [activeGroup, 'spec.never-existed'],
      standInChangelog: realChangelog,
    });

    expect(removed).toEqual([]);
    expect(await kafka.admin.listTopics()).toContain(realChangelog);
  });
});
