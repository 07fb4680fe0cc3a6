import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { javaDefaultPartition } from '../server/kafka/java-partitioner';
import { TestKafka } from '../server/testing/test-kafka';
import { TEST_STACK } from '../server/testing/test-stack';

/** What the Confluent Avro serializer writes for a string key. */
const avroKey = (schemaId: number, id: string) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, Buffer.from([Buffer.byteLength(id) * 2]), Buffer.from(id)]);
};

test.describe('Co-partition health', () => {
  const kafka = new TestKafka([`127.0.0.1:${TEST_STACK.kafkaPort}`]);
  const joiner = `e2e-joiner-${randomUUID().slice(0, 8)}`;
  let topics: string[];

  test.beforeAll(async () => {
    // Two services wrote the same order ids with the Avro serializer: schema id 5 in one topic, 6 in the other.
    topics = [];
    for (const schemaId of [5, 6]) {
      const topic = await kafka.createTopic(`e2e-avro-${schemaId}`, { partitions: 6 });
      const keys = Array.from({ length: 20 }, (_, i) => avroKey(schemaId, `order-${2000 + i}`));
      await kafka.produceBytes(
        topic,
        keys.map((key) => ({ key, partition: javaDefaultPartition(key, 6) })),
      );
      topics.push(topic);
    }
    await kafka.admin.alterConsumerGroupOffsets({
      groupId: joiner,
      topics: topics.map((name) => ({ name, partitionOffsets: [{ partition: 0, offset: 0n }] })),
    });
  });
  test.afterAll(() => kafka.cleanUp());

  test('shows a broken join with its keys, schema ids and partitions', async ({ page }) => {
    await page.goto('/clusters/local/copartition');

    const card = page.getByRole('article', { name: joiner });
    await expect(card.getByTestId('verdict')).toHaveText(/Broken/);
    await card.getByRole('button', { name: 'Check now' }).click();

    const evidence = card.getByRole('table', { name: 'Key evidence' });
    await expect(evidence).toContainText('id 5');
    await expect(evidence).toContainText('id 6');
    await expect(evidence).toContainText(/order-20\d\d/);
    await expect(card).toContainText('primitive serde');
    await card.screenshot({ path: test.info().outputPath('broken-group.png') });
  });

  test('declares a group of its own, which then is checked', async ({ page }) => {
    const name = `e2e declared ${randomUUID().slice(0, 6)}`;
    await page.goto('/clusters/local/copartition');

    await page.getByRole('button', { name: 'Declare group' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Group name').fill(name);
    for (const topic of topics) {
      await dialog.getByLabel('Add topic').fill(topic);
      await page.getByRole('option', { name: topic }).click();
    }
    await dialog.getByRole('button', { name: 'Declare' }).click();

    const card = page.getByRole('article', { name });
    await expect(card).toContainText('Declared');
    await expect(card.getByTestId('verdict')).toHaveText(/Broken/);
    await card.getByRole('button', { name: 'Remove group' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(card).toHaveCount(0);
  });

  test.describe('with one record of a key produced to another partition', () => {
    const straying = `e2e-stray-joiner-${randomUUID().slice(0, 8)}`;
    const home = javaDefaultPartition(Buffer.from('u1'), 6);
    const stray = (home + 1) % 6;

    test.beforeAll(async () => {
      const users = Array.from({ length: 9 }, (_, i) => Buffer.from(`u${i + 1}`));
      const pair: string[] = [];
      for (const side of ['users', 'logins']) {
        const topic = await kafka.createTopic(`e2e-stray-${side}`, { partitions: 6 });
        await kafka.produceBytes(
          topic,
          users.map((key) => ({ key, partition: javaDefaultPartition(key, 6) })),
        );
        pair.push(topic);
      }
      await kafka.produceBytes(pair[1]!, [{ key: Buffer.from('u1'), partition: stray }]);
      await kafka.admin.alterConsumerGroupOffsets({
        groupId: straying,
        topics: pair.map((name) => ({ name, partitionOffsets: [{ partition: 0, offset: 0n }] })),
      });
    });

    test('shows the key, the record a join misses and where it belongs', async ({ page }) => {
      await page.goto('/clusters/local/copartition');

      const card = page.getByRole('article', { name: straying });
      const checkNow = card.getByRole('button', { name: 'Check now' });
      await checkNow.click();
      // The full check can finish before a disabled button is ever seen: wait for what it finds.

      await expect(card.getByTestId('verdict')).toHaveText(/Broken/);
      await expect(card).toContainText('Records away from the rest of their key');
      await expect(card).toContainText(`used an explicit partition or a custom partitioner for u1; re-produce it to partition ${home}`);
      const evidence = card.getByRole('table', { name: 'Key evidence' });
      await expect(evidence).toContainText('u1');
      await expect(evidence).toContainText(`on partition ${stray} (belongs on ${home})`);
      await card.screenshot({ path: test.info().outputPath('misplaced-key.png') });
    });
  });
});
