/**
 * The units figures are computed for: the workspace's 省院 → 市院 → 基层院 hierarchy (units table).
 * A unit's figures include its subordinate units; the root's include every record, also those of
 * unit codes the hierarchy does not know. A workspace without a unit list gets a flat hierarchy of
 * the codes found in the data under a virtual root 全部单位.
 */
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import { listUnits } from '../units/unit-store.ts'
import type { Db } from '../store/database.ts'

export const VIRTUAL_ROOT = 'ALL'

export class Hierarchy {
  readonly units: UnitSummary[]
  readonly root: string
  /** Changes when the hierarchy does (rolled-up caches are keyed by it). */
  readonly signature: string
  private readonly byCode: Map<string, UnitSummary>
  private readonly includerCache = new Map<string, string[]>()
  private readonly peerCache = new Map<string, string[]>()

  constructor(units: UnitSummary[]) {
    this.units = units
    this.byCode = new Map(units.map((u) => [u.code, u]))
    this.root = units.find((u) => u.parent === null)?.code ?? VIRTUAL_ROOT
    this.signature = units.map((u) => `${u.code}<${u.parent ?? ''}`).join(',')
  }

  get(code: string): UnitSummary | undefined {
    return this.byCode.get(code)
  }

  /** The hierarchy units whose (rolled-up) figures include records of data unit `code`. */
  includers(code: string): string[] {
    const cached = this.includerCache.get(code)
    if (cached) return cached
    const chain: string[] = []
    this.includerCache.set(code, chain)
    let unit = this.byCode.get(code)
    while (unit) {
      chain.push(unit.code)
      unit = unit.parent === null ? undefined : this.byCode.get(unit.parent)
    }
    if (!chain.includes(this.root)) chain.push(this.root)
    return chain
  }

  /** Units under the same 上级院 (the root is its own only peer). */
  peers(code: string): string[] {
    const unit = this.byCode.get(code)
    if (!unit) return [code]
    let peers = this.peerCache.get(code)
    if (!peers) {
      peers = this.units.filter((u) => u.parent === unit.parent && u.level === unit.level).map((u) => u.code)
      this.peerCache.set(code, peers)
    }
    return peers
  }

  /** Data unit codes a unit's figure reads; null = every record (the root, rolled up). */
  dataUnits(code: string, own: boolean): string[] | null {
    if (own) return [code]
    if (code === this.root) return null
    return this.units.filter((u) => this.includers(u.code).includes(code)).map((u) => u.code)
  }
}

/** The workspace hierarchy, or a flat one over `dataCodes` when no unit list was imported. */
export function loadHierarchy(db: Db, dataCodes: () => Iterable<string>): Hierarchy {
  const units = listUnits(db)
  if (units.length > 0) return new Hierarchy(units)
  const flat: UnitSummary[] = [
    { code: VIRTUAL_ROOT, name: '全部单位', shortName: null, level: 'province', parent: null },
  ]
  for (const code of [...new Set(dataCodes())].filter((c) => c !== '' && c !== VIRTUAL_ROOT).sort())
    flat.push({ code, name: code, shortName: null, level: 'county', parent: VIRTUAL_ROOT })
  return new Hierarchy(flat)
}
