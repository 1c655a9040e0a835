// Prints one plain closing line, "e2e: N passed, N failed, N skipped", which CI reads as the count.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SummaryReporter implements Reporter {
  private readonly counts = { passed: 0, failed: 0, skipped: 0 }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only the final attempt of a test counts.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') {
      return
    }
    if (result.status === 'skipped') this.counts.skipped++
    else if (result.status === test.expectedStatus) this.counts.passed++
    else this.counts.failed++
  }

  onEnd(): void {
    const { passed, failed, skipped } = this.counts
    console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  }

  printsToStdio(): boolean {
    return false
  }
}
