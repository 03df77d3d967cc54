/**
 * Loads one channel's result for a component, with loading and error states. The result is stored
 * together with the request key it answers, so `loading` is derived (key mismatch) rather than set in
 * the effect, stale answers to an older request are ignored, and the previous data stays visible
 * while a refresh is in flight (tables do not flicker).
 */
import { useCallback, useEffect, useState } from 'react'
import type { EngineErrorData } from '../../../shared/ipc/envelope.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../../shared/ipc/contract.ts'
import { call } from './call.ts'
import { toErrorData } from './errors.ts'

export interface ApiData<T> {
  data: T | undefined
  error: EngineErrorData | undefined
  loading: boolean
  reload: () => void
}

interface Settled<T> {
  key: string
  data?: T
  error?: EngineErrorData
}

/**
 * @example
 * const batches = useApiData('import/batches', {}, refreshCounter)
 * if (batches.error) return <ErrorMessage error={batches.error} />
 */
export function useApiData<C extends Channel>(
  channel: C,
  args: ChannelArgs<C>,
  refreshKey: unknown = 0,
): ApiData<ChannelResults[C]> {
  const [tick, setTick] = useState(0)
  const argsJson = JSON.stringify(args ?? {})
  const key = `${channel} ${argsJson} ${String(refreshKey)} ${tick}`
  const [settled, setSettled] = useState<Settled<ChannelResults[C]>>({ key: '' })

  useEffect(() => {
    let current = true
    call(channel, JSON.parse(argsJson) as ChannelArgs<C>).then(
      (data) => current && setSettled({ key, data }),
      (caught: unknown) =>
        current && setSettled((previous) => ({ key, data: previous.data, error: toErrorData(caught) })),
    )
    return () => {
      current = false
    }
  }, [channel, argsJson, key])

  const reload = useCallback(() => setTick((n) => n + 1), [])
  return {
    data: settled.data,
    error: settled.key === key ? settled.error : undefined,
    loading: settled.key !== key,
    reload,
  }
}
