// A test run must leave the tree clean: the end-to-end suite's screenshots go to an ignored folder
// unless `npm run screenshots` asks for docs/screenshots.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, screenshotDir } from '../../e2e/harness/paths'

const ignored = (file: string) =>
  promisify(execFile)('git', ['check-ignore', '-q', file], { cwd: REPO_ROOT }).then(
    () => true,
    () => false,
  )

describe('screenshot folder', () => {
  it('is git-ignored in a test run', async () => {
    const dir = screenshotDir({})
    expect(dir.startsWith(REPO_ROOT + path.sep)).toBe(true)
    expect(await ignored(path.relative(REPO_ROOT, path.join(dir, 'first-start.png')))).toBe(true)
  })

  it('is docs/screenshots (committed) when npm run screenshots asks for it', async () => {
    const dir = screenshotDir({ MARGINALIA_SCREENSHOT_DIR: 'docs/screenshots' })
    expect(dir).toBe(path.join(REPO_ROOT, 'docs', 'screenshots'))
    expect(await ignored('docs/screenshots/first-start.png')).toBe(false)
  })
})
