// The gate between an untrusted payload and a handler: checks the channel name against the
// contract, validates the argument with the channel's zod schema (the same schemas that validate
// files on disk) and only then calls the handler. ipcMain and the end-to-end harness both go
// through here, so what the harness tests is what the app enforces.
import { contract, type Channel, type Handlers } from '../shared/ipc-contract'
import { formatPath } from './core/storage/errors'

/** Whether `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** An IPC call refused before reaching its handler: unknown channel or invalid argument. */
export class IpcPayloadError extends Error {
  constructor(
    readonly channel: string,
    detail: string,
  ) {
    super(`${channel}: ${detail}`)
    this.name = 'IpcPayloadError'
  }
}

/**
 * Validates `rawArg` for `channel` and calls its handler with the parsed value. Throws
 * IpcPayloadError naming the channel and each invalid field, e.g.
 * `document:save: invalid argument: annotations.spans[0].start: Invalid input: expected number`.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawArg: unknown,
): Promise<unknown> {
  if (!isChannel(channel)) throw new IpcPayloadError(channel, 'unknown channel')
  const parsed = contract[channel].args.safeParse(rawArg)
  if (!parsed.success) {
    const fields = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    throw new IpcPayloadError(channel, `invalid argument: ${fields.join('; ')}`)
  }
  const handler = handlers[channel] as (arg: unknown) => Promise<unknown>
  return handler(parsed.data)
}
