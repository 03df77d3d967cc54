/**
 * `useApiData` for a request that may not be ready to send yet (`args` null: nothing is loaded, no
 * error, not loading). Same contract otherwise: stale answers are ignored and the previous data stays
 * visible while a new request is in flight.
 */
import { useCallback, useEffect, useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { Channel, ChannelArgs, ChannelResults } from '../../../../shared/ipc/contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import type { ApiData } from '../../api/useApiData.ts'

interface Settled<T> {
  key: string
  data?: T
  error?: EngineErrorData
}

export function useOptionalApiData<C extends Channel>(
  channel: C,
  args: ChannelArgs<C> | null,
  refreshKey: unknown = 0,
): ApiData<ChannelResults[C]> {
  const [tick, setTick] = useState(0)
  const argsJson = args === null ? null : JSON.stringify(args)
  const key = argsJson === null ? '' : `${channel} ${argsJson} ${String(refreshKey)} ${tick}`
  const [settled, setSettled] = useState<Settled<ChannelResults[C]>>({ key: '' })

  useEffect(() => {
    if (argsJson === null) return
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
  if (key === '') return { data: undefined, error: undefined, loading: false, reload }
  return {
    data: settled.data,
    error: settled.key === key ? settled.error : undefined,
    loading: settled.key !== key,
    reload,
  }
}
