/**
 * Typed rows packed for the trip from the typing thread to the import thread. Structured-cloning
 * arrays of ~120 small values per row costs the receiving thread more than typing them did, so a
 * batch travels as one string of all its texts, their offsets and the numbers in typed arrays:
 * copying one long string and two buffers is a memcpy, and unpacking a row is a few slices.
 */
export interface TypedBatch {
  /**
   * `values`: rows typed on the typing thread (entries are field slots). `cells`: rows left for the
   * import thread to type, which has time to spare when the typing thread is the slower of the two
   * (entries are cell indexes, plus the row's cell count under CELL_COUNT_SLOT).
   */
  kind: 'values' | 'cells'
  /** Rows in the batch. */
  count: number
  /** File row number of each row. */
  lines: Int32Array
  /** Where each row's entries start in `entries` (count + 1 offsets, in entries). */
  starts: Int32Array
  /** Triples per non-null value: slot, then offset and length in `text`, or index in `numbers` and -1. */
  entries: Int32Array
  numbers: Float64Array
  text: string
}

/** The slot under which a row's original texts (JSON) travel. */
const RAW_SLOT = -1
/** The slot under which a `cells` row's cell count travels (as a number). */
const CELL_COUNT_SLOT = -2

/** Growable Int32/Float64 storage; `take` copies out the used part and keeps the buffer for the next batch. */
class Column<T extends Int32Array | Float64Array> {
  length = 0
  constructor(private data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new (this.data.constructor as new (n: number) => T)(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  take(): T {
    const used = this.data.slice(0, this.length) as T
    this.length = 0
    return used
  }
}

export class TypedBatchBuilder {
  private readonly lines = new Column(new Int32Array(4096))
  private readonly starts = new Column(new Int32Array(4096))
  private readonly entries = new Column(new Int32Array(1 << 18))
  private readonly numbers = new Column(new Float64Array(1 << 16))
  private text = ''
  private kind: TypedBatch['kind'] = 'values'

  get count(): number {
    return this.lines.length
  }

  /** Adds a row: the non-null entries of `values` and its original texts. */
  add(line: number, values: unknown[], raw: string | null): void {
    if (this.starts.length === 0) this.starts.push(0)
    this.lines.push(line)
    const entries = this.entries
    for (let s = 0; s < values.length; s++) {
      const value = values[s]
      if (value === null || value === undefined) continue
      if (typeof value === 'number') {
        entries.push(s)
        entries.push(this.numbers.length)
        entries.push(-1)
        this.numbers.push(value)
      } else this.addText(s, String(value))
    }
    if (raw !== null) this.addText(RAW_SLOT, raw)
    this.starts.push(entries.length / 3)
  }

  /** Adds a row of cells to be typed by the receiver (only one kind of row per batch). */
  addCells(line: number, cells: string[]): void {
    this.kind = 'cells'
    if (this.starts.length === 0) this.starts.push(0)
    this.lines.push(line)
    for (let i = 0; i < cells.length; i++) if (cells[i] !== '') this.addText(i, cells[i])
    this.entries.push(CELL_COUNT_SLOT)
    this.entries.push(cells.length)
    this.entries.push(-1)
    this.starts.push(this.entries.length / 3)
  }

  /** The batch so far, ready to post with its buffers transferred; the builder starts over. */
  take(): { batch: TypedBatch; transfer: ArrayBuffer[] } {
    const batch: TypedBatch = {
      kind: this.kind,
      count: this.lines.length,
      lines: this.lines.take(),
      starts: this.starts.length === 0 ? Int32Array.of(0) : this.starts.take(),
      entries: this.entries.take(),
      numbers: this.numbers.take(),
      text: this.text,
    }
    this.text = ''
    this.kind = 'values'
    const transfer = [batch.lines, batch.starts, batch.entries, batch.numbers].map(
      (a) => a.buffer as ArrayBuffer,
    )
    return { batch, transfer }
  }

  private addText(slot: number, text: string): void {
    this.entries.push(slot)
    this.entries.push(this.text.length)
    this.entries.push(text.length)
    // V8 concatenates into a rope; it is flattened once, when the batch is posted.
    this.text += text
  }
}

/**
 * Unpacks row `r` of a batch into `values` (which it nulls first) and returns the row's original
 * texts (JSON) or null.
 */
export function unpackRow(batch: TypedBatch, r: number, values: unknown[]): string | null {
  values.fill(null)
  const { entries, numbers, text } = batch
  let raw: string | null = null
  for (let e = batch.starts[r] * 3, end = batch.starts[r + 1] * 3; e < end; e += 3) {
    const slot = entries[e]
    const at = entries[e + 1]
    const length = entries[e + 2]
    if (length < 0) values[slot] = numbers[at]
    else if (slot === RAW_SLOT) raw = text.slice(at, at + length)
    else values[slot] = text.slice(at, at + length)
  }
  return raw
}

/** Unpacks row `r` of a `cells` batch into `cells` (resized to the row's cell count). */
export function unpackCells(batch: TypedBatch, r: number, cells: string[]): string[] {
  const { entries, text } = batch
  const end = batch.starts[r + 1] * 3
  cells.length = entries[end - 2]
  cells.fill('')
  for (let e = batch.starts[r] * 3; e < end - 3; e += 3) {
    cells[entries[e]] = text.slice(entries[e + 1], entries[e + 1] + entries[e + 2])
  }
  return cells
}
