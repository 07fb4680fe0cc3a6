import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';

test.describe('Topics', () => {
  const topic = `e2e.topics.${randomUUID().slice(0, 8)}`;
  const api = `/api/clusters/local/topics/${topic}`;

  // Leaves the shared test cluster as it was, even when a step fails before the deletion.
  test.afterAll(async ({ request }) => {
    await request.delete(`${api}?confirm=${topic}`);
  });

  test('creates a topic, produces and finds a message, edits a config, deletes the topic', async ({ page, request }) => {
    await page.goto('/clusters/local/topics');
    // The demo pipeline npm start seeds is listed, with its counts.
    const list = page.getByRole('table', { name: 'Topics' });
    await expect(list).toContainText('shop.orders.events');
    await page.screenshot({ path: test.info().outputPath('topic-list.png'), fullPage: true });

    await test.step('create it through the dialog', async () => {
      await page.getByRole('button', { name: 'Create topic' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(topic);
      await dialog.getByLabel('Partitions').fill('3');
      await dialog.getByRole('button', { name: 'Add config' }).click();
      await dialog.getByLabel('Config', { exact: true }).fill('cleanup.policy');
      await dialog.getByLabel('Value').fill('delete');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();

      await expect(page).toHaveURL(new RegExp(`/clusters/local/topics/${topic.replaceAll('.', '\\.')}$`));
      await expect(page.getByRole('heading', { name: topic })).toBeVisible();
      await expect(page.getByText('3 partitions')).toBeVisible();
      expect((await (await request.get(api)).json()).partitions).toHaveLength(3);
    });

    await test.step('produce a message through the dialog', async () => {
      await page.getByRole('button', { name: 'Produce message' }).click();
      const dialog = page.getByRole('dialog');
      // The dialog sets its form up as it opens (partitions, defaults): typing too early on a
      // busy machine can be undone by that, so type again until the form shows the value.
      await expect(async () => {
        await dialog.getByLabel('Key').fill('order-4711');
        await dialog.getByLabel('Value').fill('{"type":"OrderPlaced","id":"order-4711","total":42.5}');
        await expect(dialog).toContainText('Valid JSON', { timeout: 2_000 });
      }).toPass({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText(/Written to partition \d at offset 0/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('find it in the message browser', async () => {
      await page.getByRole('tab', { name: 'Messages' }).click();
      const messages = page.getByRole('table', { name: 'Messages' });
      const row = messages.getByRole('row').filter({ hasText: 'order-4711' });
      await expect(row).toHaveCount(1);
      await row.click();
      await expect(messages.getByLabel('Value')).toContainText('"total": 42.5');
      await expect(page.getByTestId('stop-reason')).toContainText('Reached the end of the topic');
      await page.screenshot({ path: test.info().outputPath('topic-messages.png'), fullPage: true });
    });

    await test.step('edit a config inline', async () => {
      await page.getByRole('tab', { name: 'Configs' }).click();
      await page.getByRole('button', { name: 'Edit retention.ms' }).click();
      await page.getByLabel('New value of retention.ms').fill('86400000');
      await page.getByRole('button', { name: 'Save' }).click();

      const retention = page.getByRole('table', { name: 'Configs' }).getByRole('row').filter({ hasText: 'retention.ms' }).first();
      await expect(retention).toContainText('86400000');
      await expect(retention).toContainText('topic');
      const configs = (await (await request.get(api)).json()).configs as { name: string; value: string; isOverride: boolean }[];
      expect(configs.find((config) => config.name === 'retention.ms')).toMatchObject({ value: '86400000', isOverride: true });
    });

    await test.step('delete it with the typed confirmation', async () => {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: 'Delete topic' });
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel('Type to confirm').fill(topic);
      await confirm.click();

      await expect(page).toHaveURL(/\/clusters\/local\/topics$/);
      await expect.poll(async () => (await request.get(api)).status()).toBe(404);
      await expect(page.getByRole('table', { name: 'Topics' })).not.toContainText(topic);
    });
  });
});
