/**
 * The reviewer's name (复核人), remembered on this machine so the analyst types it once. Every status
 * change records it; the contract caps it at 50 characters. Storage is a parameter so tests need no DOM.
 */
const KEY = 'yanpan.quality.reviewer'
const MAX_LENGTH = 50

type NameStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** What the contract accepts: trimmed, at most 50 characters; '' when there is no usable name. */
export const cleanReviewer = (name: string): string => name.trim().slice(0, MAX_LENGTH)

export function readReviewer(storage: NameStorage | undefined): string {
  try {
    return cleanReviewer(storage?.getItem(KEY) ?? '')
  } catch {
    return '' // Storage can be disabled (privacy settings); the field just starts empty.
  }
}

export function writeReviewer(storage: NameStorage | undefined, name: string): void {
  try {
    const clean = cleanReviewer(name)
    if (clean === '') storage?.removeItem(KEY)
    else storage?.setItem(KEY, clean)
  } catch {
    // Not remembered, but the name typed is still used for this session.
  }
}

/** Safe access to localStorage (absent in tests, may throw when disabled). */
export function browserStorage(): NameStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
