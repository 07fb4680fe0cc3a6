import { expect, test } from '@playwright/test';
import { TEST_STACK } from '../server/testing/test-stack';

test.describe('Overview', () => {
  test('opens on the local cluster and shows the live broker', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/clusters\/local\/overview$/);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    const brokers = page.getByRole('table', { name: 'Brokers' });
    await expect(brokers).toContainText(`127.0.0.1:${TEST_STACK.kafkaPort}`);
    await expect(brokers).toContainText('Active controller');
    await expect(page.getByText('Healthy')).toBeVisible();
    // The demo pipeline npm start seeds: its topics are on the real broker.
    const topics = page.getByRole('region', { name: 'Topics' }).getByTestId('figure-value');
    await expect.poll(async () => Number(await topics.textContent())).toBeGreaterThanOrEqual(4);

    await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
  });

  test('moves between sections from the side navigation', async ({ page }) => {
    await page.goto('/clusters/local/overview');

    await page.getByRole('navigation', { name: 'Sections' }).getByText('Consumer groups').click();

    await expect(page).toHaveURL(/\/clusters\/local\/consumer-groups$/);
    await expect(page.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  });

  test('explains an unknown cluster in plain words', async ({ page }) => {
    await page.goto('/clusters/nope/overview');

    await expect(page.getByRole('alert')).toContainText('There is no cluster named nope');
  });
});
