/**
 * One shared EventSource for all engine events, opened on the first subscription. Browsers cap
 * connections per origin, so every page subscribing on its own would soon starve the bridge.
 */
import type { EngineEvents, EventName } from '../../../shared/ipc/contract.ts'

type Listener = (payload: never) => void

export function createEventHub(url: string) {
  let source: EventSource | null = null
  const listeners = new Map<EventName, Set<Listener>>()

  function subscribe(event: EventName): Set<Listener> {
    let set = listeners.get(event)
    if (set) return set
    set = new Set()
    listeners.set(event, set)
    source ??= new EventSource(url)
    source.addEventListener(event, (message) => {
      let payload: unknown
      try {
        payload = JSON.parse((message as MessageEvent<string>).data)
      } catch {
        return // A malformed event is dropped rather than crashing every listener.
      }
      for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload)
    })
    return set
  }

  return {
    on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
      const set = subscribe(event)
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
  }
}
