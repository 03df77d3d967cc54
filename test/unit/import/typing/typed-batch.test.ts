import { describe, expect, it } from 'vitest'
import {
  TypedBatchBuilder,
  unpackCells,
  unpackRow,
} from '../../../../electron/engine/import/typing/typed-batch.ts'
import { Random } from '../../../helpers/seeded-random.ts'

const SLOTS = 40

/** A row of nulls, numbers (integers, decimals, negatives) and texts (CJK, empty-looking, long). */
function randomRow(random: () => number): { values: unknown[]; raw: string | null } {
  const values = Array.from({ length: SLOTS }, () => {
    const r = random()
    if (r < 0.5) return null
    if (r < 0.65) return Math.floor(random() * 1e9) - 5e8
    if (r < 0.75) return Math.round(random() * 1e6) / 100
    if (r < 0.8) return 0
    if (r < 0.9) return `宁检诉受[2024]3201${Math.floor(random() * 100)}号`
    return 'x'.repeat(Math.floor(random() * 30)) + '盗窃罪、诈骗罪'
  })
  const raw =
    random() < 0.3 ? JSON.stringify({ 受理日期: '2024/1/5', '（表头以外的单元格）': '["a"]' }) : null
  return { values, raw }
}

describe('typed batches', () => {
  it('carry every row value and original text unchanged, through a structured clone', () => {
    const generator = new Random(7)
    const random = () => generator.next()
    const builder = new TypedBatchBuilder()
    for (let round = 0; round < 2; round++) {
      // Enough rows to grow every buffer past its first size, then a second batch from the same builder.
      const rows = Array.from({ length: 20_000 }, () => randomRow(random))
      rows.forEach((row, i) => builder.add(1000 * round + i + 2, row.values, row.raw))
      const { batch, transfer } = builder.take()
      const received = structuredClone(batch, { transfer })
      expect(received.count).toBe(rows.length)
      const values: unknown[] = new Array(SLOTS).fill('stale')
      rows.forEach((row, i) => {
        const raw = unpackRow(received, i, values)
        expect(received.lines[i]).toBe(1000 * round + i + 2)
        expect(values).toEqual(row.values)
        expect(raw).toBe(row.raw)
      })
      expect(builder.count).toBe(0)
    }
  })

  it('of untyped rows carry every cell, empty ones and the row width included', () => {
    const builder = new TypedBatchBuilder()
    const rows = [['a', '', '宁检诉受[2024]320102号', ''], [''], ['x', 'y', '', '', '', 'extra'], []]
    rows.forEach((row, i) => builder.addCells(i + 2, row))
    const { batch, transfer } = builder.take()
    const received = structuredClone(batch, { transfer })
    expect(received.kind).toBe('cells')
    const cells = ['stale', 'stale', 'stale', 'stale', 'stale', 'stale', 'stale']
    rows.forEach((row, i) => expect([...unpackCells(received, i, cells)]).toEqual(row))
    expect(builder.take().batch.kind).toBe('values')
  })

  it('of no rows unpack to nothing', () => {
    const { batch } = new TypedBatchBuilder().take()
    expect(batch.count).toBe(0)
    expect(Array.from(batch.starts)).toEqual([0])
  })
})
