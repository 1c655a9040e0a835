// A store being closed takes no new change: what was asked before the close lands, and anything
// asked while it closes is refused, so nothing is written after its lock is released (a slow
// import, say, that was still adding documents when the window closed the project).
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/storage'
import { newDocument } from './helpers'
import { tempDir } from './temp-dir'

describe('closing a store', () => {
  it('lands the changes asked before and refuses those asked while it closes', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Tester' })
    const before = store.addDocument(newDocument('Asked before the close.'))
    const closing = store.close()
    const during = store.addDocument(newDocument('Asked while it closes.'))
    await expect(during).rejects.toThrow(`${dir}: the project is closed`)
    expect(await before).toMatchObject({ status: 'added' })
    await closing
    await store.close() // twice: the same close
    expect(await readdir(path.join(dir, 'documents'))).toHaveLength(1)
    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.project.documents.map((d) => d.title)).toEqual(['Test article'])
    await reopened.close()
  })
})
