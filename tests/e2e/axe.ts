import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The serious and critical WCAG 2 A/AA violations on the page as it is, one line each. */
export async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    // The print preview's frame is the printed page (paper, checked by print.spec.ts), sandboxed
    // with scripts off: axe cannot run inside it and waits there until the test times out.
    .exclude('[data-testid="print-frame"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Checks each state it is asked to, once the page has settled, and keeps what it found for one assertion at the end. */
export function violationCollector(page: Page): { found: string[]; check(where: string): Promise<void> } {
  const found: string[] = [];
  return {
    found,
    async check(where) {
      await page.waitForLoadState('networkidle');
      found.push(...(await violations(page, where)));
    },
  };
}
