/**
 * The engine events a transport may forward to the UI. Transports (the Electron preload, the HTTP
 * bridge's event stream) forward only names in this list, so a typo or a new internal event never
 * leaks to the renderer by accident.
 */
import type { EventName } from './contract.ts'

export const EVENT_NAMES = [
  'import/progress',
  'demo/progress',
  'report/progress',
] as const satisfies readonly EventName[]

// Compile-time completeness check: adding an event to EngineEvents without listing it above fails here.
type Unlisted = Exclude<EventName, (typeof EVENT_NAMES)[number]>
const _allListed: [Unlisted] extends [never] ? true : Unlisted = true
void _allListed

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES)

/** True for a string naming an engine event the UI may receive. */
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && eventNames.has(name)
