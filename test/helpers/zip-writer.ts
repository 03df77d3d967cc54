import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipInput {
  name: string
  data: Buffer
  /** Stored as is instead of deflated. */
  store?: boolean
}

export interface ZipOptions {
  /**
   * Write as streaming writers do (Java's ZipOutputStream, exceljs): each entry's sizes and CRC in a
   * data descriptor after its data, with 8-byte sizes for 'zip64' (as for entries over 4 GiB).
   * Without it every size is in the entry's local header.
   */
  descriptors?: 'zip32' | 'zip64'
}

/** A zip with a fixed timestamp (jszip, inside exceljs, stamps the current time), so fixtures are stable. */
export function zip(entries: ZipInput[], options: ZipOptions = {}): Buffer {
  const dosDate = ((2024 - 1980) << 9) | (7 << 5) | 1
  const zip64 = options.descriptors === 'zip64'
  const version = zip64 ? 45 : 20
  const flags = 0x0800 | (options.descriptors ? 0x08 : 0) // names in UTF-8; sizes after the data
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const method = entry.store ? 0 : 8
    const packed = entry.store ? entry.data : deflateRawSync(entry.data, { level: 9 })
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(version, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(dosDate, 12)
    if (!options.descriptors) {
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(packed.length, 18)
      local.writeUInt32LE(entry.data.length, 22)
    }
    local.writeUInt16LE(name.length, 26)
    const descriptor = Buffer.alloc(options.descriptors ? (zip64 ? 24 : 16) : 0)
    if (options.descriptors) {
      descriptor.writeUInt32LE(0x08074b50, 0)
      descriptor.writeUInt32LE(crc, 4)
      if (zip64) {
        descriptor.writeBigUInt64LE(BigInt(packed.length), 8)
        descriptor.writeBigUInt64LE(BigInt(entry.data.length), 16)
      } else {
        descriptor.writeUInt32LE(packed.length, 8)
        descriptor.writeUInt32LE(entry.data.length, 12)
      }
    }
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(version, 4)
    central.writeUInt16LE(version, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(dosDate, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed, descriptor)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length + descriptor.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
