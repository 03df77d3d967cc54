import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipPart {
  name: string
  data: Buffer
  /** Stored as is instead of deflated. */
  store?: boolean
}

/**
 * A zip written the way streaming writers write one (Java's ZipOutputStream, exceljs): each entry's
 * sizes and CRC in a data descriptor after its data, with 8-byte sizes in it when `zip64Descriptors`
 * (as for entries over 4 GiB), and a plain central directory at the end.
 */
export function streamedZip(parts: ZipPart[], options: { zip64Descriptors?: boolean } = {}): Buffer {
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  const push = (b: Buffer) => {
    chunks.push(b)
    offset += b.length
  }
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    const method = part.store ? 0 : 8
    const data = part.store ? part.data : deflateRawSync(part.data)
    const crc = crc32(part.data)
    const start = offset
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(options.zip64Descriptors ? 45 : 20, 4)
    local.writeUInt16LE(0x0808, 6) // UTF-8 names, sizes in a data descriptor
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(name.length, 26)
    push(Buffer.concat([local, name]))
    push(data)
    const descriptor = Buffer.alloc(options.zip64Descriptors ? 24 : 16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(crc, 4)
    if (options.zip64Descriptors) {
      descriptor.writeBigUInt64LE(BigInt(data.length), 8)
      descriptor.writeBigUInt64LE(BigInt(part.data.length), 16)
    } else {
      descriptor.writeUInt32LE(data.length, 8)
      descriptor.writeUInt32LE(part.data.length, 12)
    }
    push(descriptor)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(45, 4)
    header.writeUInt16LE(options.zip64Descriptors ? 45 : 20, 6)
    header.writeUInt16LE(0x0808, 8)
    header.writeUInt16LE(method, 10)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(data.length, 20)
    header.writeUInt32LE(part.data.length, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(start, 42)
    central.push(Buffer.concat([header, name]))
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, directory, end])
}
