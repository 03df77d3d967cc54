/**
 * Micro-benchmark of cell parsing: cells per second for each field type, on realistic cell texts.
 * A 1M-row × 100-column import parses 100 million cells, so this is the import's inner loop.
 *
 * Run: npx tsx bench/values.ts
 */
import type { FieldRole, FieldType } from '../shared/domain/fields.ts'
import { parseCell } from '../shared/values/parse-cell.ts'

interface Case {
  label: string
  type: FieldType
  role?: FieldRole
  cells: string[]
}

const SIZE = 100_000
const ROUNDS = 20

function cycle(values: string[]): string[] {
  return Array.from({ length: SIZE }, (_, i) => values[i % values.length])
}

const datesCanonical = Array.from({ length: 1000 }, (_, i) => {
  const day = (i % 28) + 1
  const month = (i % 12) + 1
  return `2024-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
})

const cases: Case[] = [
  { label: 'date (YYYY-MM-DD)', type: 'date', cells: cycle(datesCanonical) },
  {
    label: 'date (mixed formats)',
    type: 'date',
    cells: cycle(['2024/1/5', '2024年1月5日', '20240105', '2024-01-05 00:00:00', '45292']),
  },
  { label: 'integer (plain)', type: 'integer', cells: cycle(['0', '1', '17', '36', '120', '2024']) },
  { label: 'integer (units, 1,234)', type: 'integer', cells: cycle(['12人', '1,234', '１２', '6个月']) },
  { label: 'decimal', type: 'decimal', cells: cycle(['12.5', '0.35', '499', '1,234.56', '3.5万元']) },
  { label: 'boolean', type: 'boolean', cells: cycle(['是', '否', '否', '否']) },
  { label: 'code', type: 'code', cells: cycle(['批准逮捕', '不批准逮捕', '起诉', '速裁程序']) },
  {
    label: 'text',
    type: 'text',
    cells: cycle(['张某盗窃案', '宁检捕受[2024]32010200001号', '南京市公安局鼓楼分局']),
  },
  {
    label: 'set (charges)',
    type: 'set',
    role: 'charge',
    cells: cycle(['盗窃罪,诈骗罪', '走私、贩卖、运输、制造毒品罪', '危险驾驶罪']),
  },
  { label: 'set (list)', type: 'set', cells: cycle(['累犯、自首', '坦白', '从犯、初犯、偶犯']) },
  { label: 'empty', type: 'text', cells: cycle(['']) },
]

let sink = 0
const rows: string[][] = []
for (const { label, type, role, cells } of cases) {
  // Warm up so the JIT has compiled the paths being measured.
  for (let i = 0; i < cells.length; i++) sink += parseCell(type, cells[i], role).ok ? 1 : 0
  const start = process.hrtime.bigint()
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < cells.length; i++) sink += parseCell(type, cells[i], role).ok ? 1 : 0
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const perSecond = (cells.length * ROUNDS) / seconds
  rows.push([
    label,
    `${(perSecond / 1e6).toFixed(1)} M cells/s`,
    `${((seconds / (cells.length * ROUNDS)) * 1e9).toFixed(0)} ns/cell`,
  ])
}

const width = Math.max(...rows.map((r) => r[0].length))
console.log(
  `parseCell, ${SIZE.toLocaleString('en')} cells × ${ROUNDS} rounds per type (Node ${process.version})`,
)
for (const [label, rate, each] of rows)
  console.log(`  ${label.padEnd(width)}  ${rate.padStart(16)}  ${each.padStart(10)}`)
if (sink === 0) console.log('(no cell parsed)')
