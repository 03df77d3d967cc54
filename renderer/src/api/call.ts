/**
 * Promise-style access to a channel: resolves with the value, throws an `ApiError` carrying the
 * engine's Chinese message. Pages use this (or `useApiData`) instead of handling envelopes by hand.
 */
import type { Envelope } from '../../../shared/ipc/envelope.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../../shared/ipc/contract.ts'
import { ApiError } from './errors.ts'
import { getApi } from './getApi.ts'

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new ApiError(envelope.error)
}

/**
 * @example
 * const datasets = await call('dataset/list', {})
 */
export async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResults[C]> {
  return unwrap(await getApi().invoke(channel, args))
}
