import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addMemberNamed, servedLaptops } from './two-laptops';

const settings = (page: Page) => page.getByRole('navigation').getByRole('button', { name: 'Settings' });
const members = (page: Page) => page.getByRole('navigation').getByRole('button', { name: /^Members/ });

test('a laptop lets another connect; the other connects to it and the new member crosses, with no server', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const laptops = await servedLaptops(browser, 'nearby');
  const { a, b } = laptops;
  const pageA = a.page;
  const pageB = b.page;
  try {
    let port = '';
    await test.step('laptop A adds a member and lets a laptop connect', async () => {
      await pageA.goto(a.url);
      await addMemberNamed(pageA, 'Zainab', 'Bello');
      await settings(pageA).click();
      const card = pageA.getByTestId('nearby-laptop');
      await card.getByRole('button', { name: 'Let a laptop connect' }).click();
      const status = card.getByTestId('nearby-status');
      await expect(status).toContainText('Waiting for a laptop to connect');
      // The addresses it shows end in the port the other laptop must type.
      const shown = (await card.getByTestId('nearby-addresses').textContent()) ?? '';
      port = /:(\d+)/.exec(shown)?.[1] ?? '';
      expect(Number(port)).toBeGreaterThan(0);
      await expect(
        card.getByRole('button', { name: 'Connect to the other laptop', exact: true }),
      ).toBeDisabled();
      // The card while it waits passes axe-core as every screen does (nothing serious or critical).
      const axe = await new AxeBuilder({ page: pageA })
        .include('[data-testid="nearby-laptop"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      ).toEqual([]);
    });

    await test.step('laptop B refuses a mistyped address, then connects to A and says what crossed', async () => {
      await pageB.goto(b.url);
      await expect(pageB.getByRole('heading', { name: 'Members' })).toBeVisible();
      await settings(pageB).click();
      const card = pageB.getByTestId('nearby-laptop');
      const address = card.getByLabel('Address of the other laptop');
      await address.fill('192.168.1.20:99999');
      await address.press('Enter');
      await expect(address).toHaveAttribute('aria-invalid', 'true');
      await expect(card.getByText('Write the address as the other laptop shows it')).toBeVisible();
      await address.fill(`127.0.0.1:${port}`);
      await card.getByRole('button', { name: 'Connect to the other laptop', exact: true }).click();
      const result = card.getByTestId('nearby-result');
      await expect(result).toBeVisible({ timeout: 60_000 });
      await expect(result).toContainText('Synced with the other laptop.');
      expect(Number(await result.getByTestId('nearby-applied').textContent())).toBeGreaterThan(0);
      await expect(result).toContainText(/kB|byte/);
      await members(pageB).click();
      await expect(pageB.getByTestId('member-row').filter({ hasText: 'Zainab' })).toHaveCount(1);
    });

    await test.step('laptop A sees the exchange done and stops listening', async () => {
      const card = pageA.getByTestId('nearby-laptop');
      await expect(card.getByTestId('nearby-result')).toContainText('Synced with the other laptop.');
      await expect(card.getByRole('button', { name: 'Let a laptop connect' })).toBeEnabled();
    });

    await test.step('a second attempt finds nobody listening: said in words', async () => {
      await settings(pageB).click();
      const card = pageB.getByTestId('nearby-laptop');
      await card.getByLabel('Address of the other laptop').fill(`127.0.0.1:${port}`);
      await card.getByRole('button', { name: 'Connect to the other laptop', exact: true }).click();
      await expect(card.getByRole('alert')).toContainText('Cannot reach the other laptop at this address.');
    });
  } finally {
    await laptops.close();
  }
});
