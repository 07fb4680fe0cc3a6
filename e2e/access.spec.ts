import { expect, test, type Page } from '@playwright/test';
import { TEST_STACK } from '../server/testing/test-stack';

/** The console with sign-in and roles (e2e/access.config.yaml), beside the open one. */
const signedInConsole = `http://127.0.0.1:${TEST_STACK.consolePort + 1}`;
const group = 'payment-auditor';

async function signInAs(page: Page, user: 'viewer' | 'operator'): Promise<void> {
  await page.goto(`${signedInConsole}/clusters/local/consumer-groups/${group}`);
  // Not signed in: the console sends the browser to its sign-in page, and back after.
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(`${user}-pass`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: group })).toBeVisible();
  await expect(page.getByRole('toolbar').or(page.locator('mat-toolbar'))).toContainText(user);
}

test.describe('Sign-in and roles', () => {
  test('the open console says it runs without sign-in', async ({ page }) => {
    await page.goto('/clusters/local/overview');

    await expect(page.getByText('local mode: no sign-in')).toBeVisible();
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto(`${signedInConsole}/sign-in`);
    await page.getByLabel('User name').fill('viewer');
    await page.getByLabel('Password').fill('not-it');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await expect(page.getByText('Wrong user name or password')).toBeVisible();
  });

  test('a viewer sees the group but no Replay, and changes are disabled with the reason', async ({ page }) => {
    await signInAs(page, 'viewer');

    await expect(page.getByRole('table', { name: 'Partitions' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Replay' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('viewer-group.png'), fullPage: true });

    await page.goto(`${signedInConsole}/clusters/local/topics`);
    const create = page.getByRole('button', { name: /Create topic/ });
    await expect(create).toBeDisabled();
    // The reason is the button's description, and shows on hover.
    await expect(create.locator('..')).toHaveAccessibleDescription(/needs the admin role/);
    await create.locator('..').hover();
    await expect(page.locator('.mat-mdc-tooltip-surface')).toContainText('needs the admin role');
    await page.screenshot({ path: test.info().outputPath('viewer-topics.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an operator replays the group and undoes it, and the audit log names them', async ({ page }) => {
    await signInAs(page, 'operator');

    await page.getByRole('button', { name: 'Replay' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'P7D' }).click();
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(dialog.getByRole('table', { name: 'Preview' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Next' }).last().click();
    await dialog.getByLabel('Type the group id to confirm').fill(group);
    await dialog.getByRole('button', { name: 'Reset offsets' }).click();
    await expect(dialog.getByText('Offsets reset.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await expect(dialog.getByText('Undone')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Sections' }).getByText('Audit log').click();
    const reset = page
      .getByRole('table', { name: 'Audit records' })
      .getByRole('row', { name: new RegExp(`Offsets reset.*${group}`) })
      .first();
    await expect(reset).toContainText('operator');
    await page.screenshot({ path: test.info().outputPath('operator-audit.png'), fullPage: true });
  });
});
