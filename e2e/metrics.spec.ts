import { expect, test } from '@playwright/test';

test.describe('Metrics', () => {
  test('the group page charts the lag of the lagging demo group, with its status by Burrow’s rules', async ({ page }) => {
    await page.goto('/clusters/local/consumer-groups/order-archiver?range=15m');

    const section = page.getByRole('region', { name: 'Lag over time' });
    await expect(section.getByTestId('status-now')).toContainText(/OK|WARN|ERR|STOP|STALL|REWIND/, { timeout: 30_000 });
    const lagChart = section.locator('figure.kpc-chart').filter({ hasText: 'Lag' }).first();
    await expect(lagChart.locator('canvas')).toBeVisible();
    await expect(section.locator('figure.kpc-chart').filter({ hasText: 'Time behind' }).locator('canvas')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('group-lag.png'), fullPage: true });
  });

  test('the overview lists the demo pipeline’s topics by write rate', async ({ page }) => {
    await page.goto('/clusters/local/overview?range=15m');

    const section = page.getByRole('region', { name: /Throughput and lag/ });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('link', { name: 'shop.domain-events' })).toBeVisible({ timeout: 30_000 });
  });
});
