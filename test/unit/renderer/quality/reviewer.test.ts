import { describe, expect, it } from 'vitest'
import {
  cleanReviewer,
  readReviewer,
  writeReviewer,
} from '../../../../renderer/src/pages/quality/reviewer.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

describe('reviewer name', () => {
  it('is remembered trimmed and read back', () => {
    const storage = memoryStorage()
    expect(readReviewer(storage)).toBe('')
    writeReviewer(storage, '  王检察官 ')
    expect(readReviewer(storage)).toBe('王检察官')
  })

  it('is forgotten when cleared', () => {
    const storage = memoryStorage()
    writeReviewer(storage, '王')
    writeReviewer(storage, '   ')
    expect(storage.items.size).toBe(0)
  })

  it('fits the contract’s 50 characters', () => {
    expect(cleanReviewer('名'.repeat(60))).toHaveLength(50)
  })

  it('survives storage that throws or is absent', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    }
    expect(readReviewer(broken)).toBe('')
    expect(() => writeReviewer(broken, '王')).not.toThrow()
    expect(readReviewer(undefined)).toBe('')
  })
})
