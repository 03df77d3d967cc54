import { describe, expect, it } from 'vitest'
import {
  allTags,
  filterCatalogue,
  groupByTheme,
  matchesQuery,
  pinyinKeys,
  toggleTag,
} from '../../../renderer/src/pages/indicators/catalogueSearch.ts'

const item = (id: string, name: string, theme: string, tags: string[] = []) => ({ id, name, theme, tags })

const catalogue = [
  item('bbl', '不捕率', '审查逮捕', ['捕诉', '核心']),
  item('bhbsl', '捕后不诉率', '审查逮捕', ['捕诉']),
  item('sqjyl', '诉前羁押率', '羁押', ['羁押', '核心']),
  item('rzrfl', '认罪认罚适用率', '审查起诉', ['认罪认罚', '核心']),
  item('ajsl', '受理案件数', '案件规模', []),
]

describe('catalogue search', () => {
  it('matches pinyin initials: bbl → 不捕率, sqjy → 诉前羁押率', () => {
    expect(filterCatalogue(catalogue, 'bbl', []).map((i) => i.name)).toEqual(['不捕率'])
    expect(filterCatalogue(catalogue, 'sqjy', []).map((i) => i.name)).toEqual(['诉前羁押率'])
    expect(filterCatalogue(catalogue, 'BBL', []).map((i) => i.name)).toEqual(['不捕率'])
    expect(filterCatalogue(catalogue, ' b b l ', []).map((i) => i.name)).toEqual(['不捕率'])
  })

  it('matches initials anywhere in the name and full pinyin', () => {
    // 捕后不诉率 has initials bhbsl: "bs" is inside.
    expect(filterCatalogue(catalogue, 'bsl', []).map((i) => i.name)).toEqual(['捕后不诉率'])
    expect(matchesQuery(catalogue[2], 'jiya')).toBe(true)
    expect(pinyinKeys('不捕率').initials).toBe('bbl')
  })

  it('matches names, ids and tags as typed', () => {
    expect(filterCatalogue(catalogue, '不捕', []).map((i) => i.id)).toEqual(['bbl'])
    expect(filterCatalogue(catalogue, '羁押', []).map((i) => i.id)).toEqual(['sqjyl'])
    expect(filterCatalogue(catalogue, '认罪认罚', []).map((i) => i.id)).toEqual(['rzrfl'])
    expect(filterCatalogue(catalogue, 'ajsl', []).map((i) => i.id)).toEqual(['ajsl'])
    expect(filterCatalogue(catalogue, '', []).length).toBe(catalogue.length)
    expect(filterCatalogue(catalogue, '不存在', [])).toEqual([])
  })

  it('filters by every chosen tag, with or without a query', () => {
    expect(filterCatalogue(catalogue, '', ['核心']).map((i) => i.id)).toEqual(['bbl', 'sqjyl', 'rzrfl'])
    expect(filterCatalogue(catalogue, '', ['核心', '捕诉']).map((i) => i.id)).toEqual(['bbl'])
    expect(filterCatalogue(catalogue, 'sqjy', ['捕诉'])).toEqual([])
  })

  it('lists tags by use, toggles chips and groups by theme in library order', () => {
    expect(allTags(catalogue)).toEqual(['核心', '捕诉', '羁押', '认罪认罚'])
    expect(toggleTag(['a'], 'b')).toEqual(['a', 'b'])
    expect(toggleTag(['a', 'b'], 'a')).toEqual(['b'])
    expect(groupByTheme(catalogue).map((g) => [g.theme, g.items.length])).toEqual([
      ['审查逮捕', 2],
      ['羁押', 1],
      ['审查起诉', 1],
      ['案件规模', 1],
    ])
  })
})
