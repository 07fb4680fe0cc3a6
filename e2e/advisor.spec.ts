import { expect, test } from '@playwright/test';

test.describe('Advisor', () => {
  // The Copy button writes to the clipboard; reading it back needs the browser's leave.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test("opens a finding on the demo and copies its fix's config", async ({ page }) => {
    await page.goto('/clusters/local/advisor');
    await expect(page.getByRole('heading', { name: 'Advisor', level: 1 })).toBeVisible();

    // Whichever rules find something on the demo today: the first finding, the worst, will do.
    const finding = page.locator('kpc-finding-panel').first();
    await expect(finding).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('severity-counts')).toHaveText(/\d+ critical · \d+ warnings? · \d+ info/);
    await finding.locator('mat-expansion-panel-header').click();

    const config = finding.getByTestId('fix-config');
    await expect(config).not.toBeEmpty();
    const shown = await config.textContent();

    await finding.getByRole('button', { name: 'Copy' }).click();

    await expect(page.locator('mat-snack-bar-container')).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await finding.screenshot({ path: test.info().outputPath('finding.png') });
  });

  test('estimates the RocksDB memory of the worked example', async ({ page }) => {
    await page.goto('/clusters/local/advisor');

    const calculator = page.locator('kpc-rocksdb-calculator');
    await expect(calculator.getByTestId('total-memory')).toHaveText('3,528 MiB');
    await calculator.getByRole('button', { name: 'Add store' }).click();
    await expect(calculator.getByTestId('total-memory')).toHaveText('7,056 MiB');
  });
});
