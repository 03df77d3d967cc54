/** The current route from `location.hash`, re-rendering on `hashchange` (back/forward, links, navigate). */
import { useSyncExternalStore } from 'react'
import { parseRoute, routeHash } from './routes.ts'
import type { Route } from './routes.ts'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const readHash = () => window.location.hash

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash)
  return parseRoute(hash)
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route)
}
