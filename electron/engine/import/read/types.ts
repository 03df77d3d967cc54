/**
 * What every file reader (CSV/TXT, XLSX) yields: rows of cell texts, in batches, with progress.
 * Readers never interpret values: an xlsx date cell becomes 'YYYY-MM-DD' (or 'YYYY-MM-DD HH:mm:ss'),
 * a number becomes its shortest decimal text, an empty cell ''. Typing happens later, per field.
 */
export interface RawRow {
  /** 1-based row number in the file (CSV: record number counting the header; XLSX: the sheet row). */
  line: number
  cells: string[]
}

export interface SheetReader {
  format: 'csv' | 'xlsx'
  /** Detected text encoding for CSV/TXT ('utf-8', 'utf-16le', 'utf-16be', 'gb18030'); null for xlsx. */
  encoding: string | null
  /** Detected separator for CSV/TXT (',', '\t', ';'); null for xlsx. */
  delimiter: string | null
  /** Worksheet read, for xlsx. */
  sheet: string | null
  totalBytes: number
  /** Bytes consumed so far (compressed bytes for xlsx), for progress bars. */
  bytesRead(): number
  /** Batches of rows in file order. Throws EngineError (CORRUPT_FILE, TOO_LARGE …) with file/row. */
  batches(): AsyncIterable<RawRow[]>
  /** Stops reading early and releases the file. Safe to call twice. */
  close(): Promise<void>
}
