import { expect, test } from '@playwright/test';

test.describe('Streams apps', () => {
  test("shows the demo's payment-matcher with its topology graph and the live rate on its input", async ({ page }) => {
    await page.goto('/clusters/local/streams');
    const apps = page.getByRole('table', { name: 'Streams apps' });
    await expect(apps.getByRole('row', { name: /payment-matcher/ })).toContainText('Stable');
    await apps.getByRole('link', { name: 'payment-matcher' }).click();

    await expect(page.getByRole('heading', { name: 'payment-matcher' })).toBeVisible();
    // Sub-topology 0 routes the domain events the connector publishes; 1 joins orders with payments.
    const routing = page.getByRole('group', { name: 'Sub-topology 0' });
    await expect(routing.locator('[data-topic="shop.domain-events"]')).toBeVisible();
    const join = page.getByRole('group', { name: 'Sub-topology 1' });
    await expect(join.locator('[data-topic="shop.orders.events"]')).toBeVisible();
    await expect(join.locator('[data-topic="shop.payments.events"]')).toBeVisible();
    await expect(join.locator('g.node[data-side="changelog"]')).toHaveCount(2);
    // The monolith appends a few events a second: once the model has two samples, the edge says how fast.
    await expect(routing.locator('text.edge-label')).toContainText(/[1-9][\d.]*\/s|0\.[1-9]\d*\/s/, { timeout: 30_000 });
    await expect(page.getByRole('table', { name: 'State stores' })).toContainText('order-payments-this-join-store');
  });
});
