// axe-core (the engine behind the browsers' own audits) on the page as it is now: no violation
// expected. Each check names the violations it found, with the elements, so a failure says what
// to fix.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe on the page (or on `include` only, e.g. 'dialog[open]') and expects no violation. */
export async function expectNoViolations(
  page: Page,
  what: string,
  include?: string,
): Promise<void> {
  let builder = new AxeBuilder({ page })
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join('\n'),
  )
  expect(found, `axe violations in ${what}`).toEqual([])
}
