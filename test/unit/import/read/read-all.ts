import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { EngineError } from '../../../../electron/engine/errors.ts'
import type { ErrorCode } from '../../../../shared/ipc/envelope.ts'
import type { RawRow, SheetReader } from '../../../../electron/engine/import/read/types.ts'

/** Helpers shared by the reader tests: fixture paths, draining a reader, asserting an EngineError. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/files/', import.meta.url))
export const fixture = (name: string): string => join(FIXTURES, name)

export async function readAll(reader: SheetReader): Promise<{ rows: RawRow[]; batchSizes: number[] }> {
  const rows: RawRow[] = []
  const batchSizes: number[] = []
  for await (const batch of reader.batches()) {
    batchSizes.push(batch.length)
    rows.push(...batch)
  }
  return { rows, batchSizes }
}

/** Awaits `work`, expecting an EngineError with `code` whose message contains every fragment. */
export async function expectEngineError(
  work: () => Promise<unknown>,
  code: ErrorCode,
  ...fragments: string[]
): Promise<EngineError> {
  let caught: unknown
  try {
    await work()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected an EngineError').toBeInstanceOf(EngineError)
  const error = caught as EngineError
  expect(error.code).toBe(code)
  for (const fragment of fragments) expect(error.message).toContain(fragment)
  return error
}
