/**
 * Fixes the modification time of every entry of a zip file (an .xlsx) in place. exceljs's streaming
 * writer stamps entries with the current time, which would make two runs with the same seed differ
 * in a few bytes; the demo wants byte-identical exports. Patches the local headers and the central
 * directory; the data is untouched.
 */
import fs from 'node:fs'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** MS-DOS date and time (2-second resolution) of a calendar date at midnight. */
export function dosDateTime(ymd: string): { date: number; time: number } {
  const year = Number(ymd.slice(0, 4))
  const month = Number(ymd.slice(5, 7))
  const day = Number(ymd.slice(8, 10))
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 }
}

export function setZipDates(file: string, ymd: string): void {
  const { date, time } = dosDateTime(ymd)
  const fd = fs.openSync(file, 'r+')
  try {
    const size = fs.fstatSync(fd).size
    const tailLength = Math.min(size, 22 + 65535)
    const tail = Buffer.alloc(tailLength)
    fs.readSync(fd, tail, 0, tailLength, size - tailLength)
    let eocd = -1
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new Error(`${file}: not a zip file`)
    const entries = tail.readUInt16LE(eocd + 10)
    const centralSize = tail.readUInt32LE(eocd + 12)
    const centralOffset = tail.readUInt32LE(eocd + 16)
    if (centralOffset === 0xffffffff || entries === 0xffff)
      throw new Error(`${file}: zip64 is not supported here`)
    const central = Buffer.alloc(centralSize)
    fs.readSync(fd, central, 0, centralSize, centralOffset)
    const stamp = Buffer.alloc(4)
    stamp.writeUInt16LE(time, 0)
    stamp.writeUInt16LE(date, 2)
    const local = Buffer.alloc(4)
    let at = 0
    for (let n = 0; n < entries; n++) {
      if (central.readUInt32LE(at) !== CENTRAL) throw new Error(`${file}: bad central directory`)
      central.writeUInt16LE(time, at + 12)
      central.writeUInt16LE(date, at + 14)
      const localOffset = central.readUInt32LE(at + 42)
      fs.readSync(fd, local, 0, 4, localOffset)
      if (local.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: bad local header`)
      fs.writeSync(fd, stamp, 0, 4, localOffset + 10)
      at += 46 + central.readUInt16LE(at + 28) + central.readUInt16LE(at + 30) + central.readUInt16LE(at + 32)
    }
    fs.writeSync(fd, central, 0, centralSize, centralOffset)
  } finally {
    fs.closeSync(fd)
  }
}
