// A yield to the browser between two pieces of work that would otherwise run in one task: each
// gets a task of its own, with input and rendering able to come between them.

interface PostTaskScheduler {
  postTask(f: () => void, options?: { priority?: 'user-blocking' | 'user-visible' }): Promise<void>
}

/** Resolves in a new task, ahead of timers (Scheduler.postTask, or a MessageChannel message). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler
  if (scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'user-blocking' })
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
