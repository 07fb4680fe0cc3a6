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

  test('creates, pauses, resumes and deletes a connector', async ({ page }) => {
    const name = `e2e-${randomUUID().slice(0, 8)}`;
    await page.goto('/clusters/local/connectors');

    await page.getByRole('link', { name: 'New connector' }).click();
    await page.getByRole('combobox', { name: 'Plugin' }).click();
    await page.getByRole('option', { name: /^FileStreamSourceConnector/ }).click();
    await page.getByRole('textbox', { name: 'Connector name' }).fill(name);
    // The form comes from the worker's definitions and tells what is missing before anything is saved.
    await expect(page.getByText('field(s) the worker refuses')).toBeVisible();
    await page.getByRole('textbox', { name: 'topic', exact: true }).fill('e2e.connectors');
    await page.getByRole('textbox', { name: 'file', exact: true }).fill(`/tmp/${name}.txt`);
    await expect(page.getByText('The worker accepts this config')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('create.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create connector' }).click();

    await expect(page).toHaveURL(new RegExp(`/connectors/local-connect/${name}$`));
    await expect(page.getByRole('heading', { name })).toContainText('RUNNING');

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
  });
});

async function confirm(page: Page, label: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: label }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}
