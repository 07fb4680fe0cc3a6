import { expect, test } from '@playwright/test';

test.describe('Bridge health', () => {
  test('shows where the demo source connector resumes and checks the sequence of its topic', async ({ page }) => {
    await page.goto('/clusters/local/topics/shop.domain-events');

    await page.getByRole('tab', { name: 'Bridge health' }).click();
    await expect(page).toHaveURL(/tab=bridge/);
    const restart = page.getByRole('region', { name: 'Restart points' });
    await expect(restart.getByRole('link', { name: 'domain-events-source' })).toBeVisible();
    // The demo worker commits the FileStreamSource's byte position; the console reads the export and names the line.
    await expect(restart.getByTestId('restart-point').first()).toContainText(/after line \d+/);
    await expect(page.getByRole('region', { name: 'Highest sequence published' })).toBeVisible();

    const check = page.getByRole('region', { name: 'Gaps and duplicates' });
    await check.getByRole('button', { name: 'Check the sequence' }).click();
    await expect(check.getByTestId('verdict')).toBeVisible();

    await page.screenshot({ path: test.info().outputPath('bridge-health.png'), fullPage: true });
  });

  test('is linked from the source connector page', async ({ page }) => {
    await page.goto('/clusters/local/connectors/local-connect/domain-events-source');

    await page.getByRole('link', { name: 'shop.domain-events' }).click();

    await expect(page).toHaveURL(/topics\/shop\.domain-events\?tab=bridge/);
    await expect(page.getByRole('region', { name: 'Restart points' })).toBeVisible();
  });
});
