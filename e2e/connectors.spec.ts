import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';

test.describe('Connectors', () => {
  test('lists the demo source connector as running', async ({ page }) => {
    await page.goto('/clusters/local/connectors');

    const connectors = page.getByRole('table', { name: 'Connectors' });
    const demo = connectors.getByRole('row').filter({ hasText: 'domain-events-source' });
    await expect(demo).toContainText('RUNNING');
    await expect(demo).toContainText('shop.domain-events');

    await page.screenshot({ path: test.info().outputPath('connectors.png'), fullPage: true });
  });

  test('creates, pauses, resumes and deletes a connector', async ({ page, request }) => {
    const name = `e2e-${randomUUID().slice(0, 8)}`;
    const topic = `e2e.connectors.${name}`;
    await page.goto('/clusters/local/connectors');

    await page.getByRole('link', { name: 'New connector' }).click();
    await page.getByRole('combobox', { name: 'Plugin' }).click();
    await page.getByRole('option', { name: /^FileStreamSourceConnector/ }).click();
    await page.getByRole('textbox', { name: 'Connector name' }).fill(name);
    // The form comes from the worker's definitions and tells what is missing before anything is saved.
    await expect(page.getByText('field(s) the worker refuses')).toBeVisible();
    await page.getByRole('textbox', { name: 'topic', exact: true }).fill(topic);
    await page.getByRole('textbox', { name: 'file', exact: true }).fill(`/tmp/${name}.txt`);
    await expect(page.getByText('The worker accepts this config')).toBeVisible();
    // The broker does not create topics on first write: the page says so before saving, and offers to.
    const missing = page.getByRole('alert', { name: 'Missing topics' });
    await expect(missing).toContainText(`Topic ${topic} does not exist on this cluster`);
    await missing.getByRole('checkbox', { name: /Create it first/ }).check();
    await missing.getByRole('spinbutton', { name: 'Partitions' }).fill('2');
    await page.screenshot({ path: test.info().outputPath('create.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create topics and connector' }).click();

    await expect(page).toHaveURL(new RegExp(`/connectors/local-connect/${name}$`));
    await expect(page.getByRole('heading', { name })).toContainText('RUNNING');
    await expect(page.getByRole('alert', { name: 'Cannot publish' })).toBeHidden();
    expect((await (await request.get(`/api/clusters/local/topics/${topic}`)).json()).partitions).toHaveLength(2);

    await page.getByRole('button', { name: 'Pause' }).click();
    await confirm(page, 'Pause');
    await expect(page.getByRole('heading', { name })).toContainText('PAUSED');

    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('heading', { name })).toContainText('RUNNING');

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Type to confirm' }).fill(name);
    await confirm(page, 'Delete');
    await expect(page).toHaveURL(/\/clusters\/local\/connectors$/);
    await expect(page.getByRole('table', { name: 'Connectors' })).not.toContainText(name);
    await request.delete(`/api/clusters/local/topics/${topic}?confirm=${topic}`);
  });

  test('flags a running source whose topic does not exist, and creates the topic', async ({ page, request }) => {
    const name = `e2e-ghost-${randomUUID().slice(0, 8)}`;
    const topic = `e2e.ghost.${name}`;
    const connectors = '/api/clusters/local/connect/local-connect/connectors';
    const created = await request.post(connectors, {
      data: { name, config: { 'connector.class': 'FileStreamSource', file: `/tmp/${name}.txt`, topic } },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/clusters/local/connectors/local-connect/${name}`);
    const banner = page.getByRole('alert', { name: 'Cannot publish' });
    await expect(banner).toContainText(`RUNNING but cannot publish: topic ${topic} does not exist`);
    await page.screenshot({ path: test.info().outputPath('cannot-publish.png'), fullPage: true });

    await banner.getByRole('button', { name: 'Create topic' }).click();
    await confirm(page, 'Create topic');
    await expect(banner).toBeHidden();
    expect((await request.get(`/api/clusters/local/topics/${topic}`)).status()).toBe(200);

    await request.delete(`${connectors}/${name}?confirm=${name}`);
    await request.delete(`/api/clusters/local/topics/${topic}?confirm=${topic}`);
  });
});

async function confirm(page: Page, label: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: label }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}
