/** How reports name units and their peers (全市 / 全省, 基层院 / 市院). */

interface UnitLike {
  name: string
  level: 'province' | 'city' | 'county'
}

const PROCURATORATE = /人民检察院$/

/**
 * The short name used in tables and charts: 南京市玄武区人民检察院 under 南京市人民检察院 → 玄武区院;
 * 南京市人民检察院 → 南京市院; a name that is not a procuratorate's stays as it is.
 */
export function shortUnitName(unit: UnitLike, parent?: UnitLike | null): string {
  if (!PROCURATORATE.test(unit.name)) return unit.name
  let base = unit.name.replace(PROCURATORATE, '')
  const prefix = parent ? parent.name.replace(PROCURATORATE, '') : ''
  if (prefix && base.startsWith(prefix) && base.length > prefix.length) base = base.slice(prefix.length)
  return `${base}院`
}

/** What the units of a level are called: 基层院, 市院, 省院. */
export function levelNoun(level: UnitLike['level']): string {
  return level === 'county' ? '基层院' : level === 'city' ? '市院' : '省院'
}

/** Where a unit's peers are, from its 上级院: under a 市院 全市, under the 省院 全省; the top unit has none. */
export function peerScope(parent: UnitLike | null | undefined): string | null {
  if (!parent) return null
  return parent.level === 'city' ? '全市' : '全省'
}
