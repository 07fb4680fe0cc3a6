import { expect, test } from '@playwright/test';
import type { ConsumerGroupDetail } from '../server/consumer-groups/consumer-group.model';

const committedOffsets = (group: ConsumerGroupDetail) => group.partitions.map((p) => p.committedOffset);

test.describe('Consumer groups', () => {
  test('replays the lagging demo group by duration, then undoes it', async ({ page, request }) => {
    const groupUrl = '/api/clusters/local/consumer-groups/order-archiver';
    const before = committedOffsets(await (await request.get(groupUrl)).json());

    await page.goto('/clusters/local/consumer-groups');
    const groups = page.getByRole('table', { name: 'Consumer groups' });
    await expect(groups.getByRole('row', { name: /order-archiver/ })).toContainText('Empty');
    await groups.getByRole('link', { name: 'order-archiver' }).click();

    await expect(page.getByRole('heading', { name: 'order-archiver' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Partitions' }).getByRole('row')).toHaveCount(7);
    await page.getByRole('button', { name: 'Replay' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Next' }).click();
    // The demo records were written when the console first started: seven days back reaches all of them.
    await dialog.getByRole('button', { name: 'P7D' }).click();
    await expect(dialog.getByLabel('Back from now (ISO-8601)')).toHaveValue('P7D');
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = dialog.getByRole('table', { name: 'Preview' });
    await expect(preview.getByRole('row')).toHaveCount(8);
    const replayed = before.reduce<number>((sum, offset) => sum + (offset ?? 0), 0);
    await expect(preview.locator('tfoot')).toContainText(`${replayed}`);
    await page.screenshot({ path: test.info().outputPath('replay-preview.png') });
    await dialog.getByRole('button', { name: 'Next' }).last().click();

    const apply = dialog.getByRole('button', { name: 'Reset offsets' });
    await expect(apply).toBeDisabled();
    await dialog.getByLabel('Type the group id to confirm').fill('order-archiver');
    await apply.click();
    await expect(dialog.getByText('Offsets reset.')).toBeVisible();
    await expect.poll(async () => committedOffsets(await (await request.get(groupUrl)).json())).toEqual(before.map(() => 0));

    await dialog.getByRole('button', { name: 'Undo' }).click();
    await expect(dialog.getByText('Undone')).toBeVisible();
    await expect.poll(async () => committedOffsets(await (await request.get(groupUrl)).json())).toEqual(before);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Sections' }).getByText('Audit log').click();
    const audit = page.getByRole('table', { name: 'Audit records' });
    const reset = audit.getByRole('row', { name: /Offsets reset.*order-archiver/ }).first();
    await expect(reset).toContainText('mode: duration, value: P7D');
    await expect(reset).toContainText('Undone');
    await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });
  });
});
