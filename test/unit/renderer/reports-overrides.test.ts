import { describe, expect, it } from 'vitest'
import type { ParagraphBlock, ReportBlock } from '../../../shared/reports/report-model.ts'
import {
  applyOverrides,
  editedCount,
  loadOverrides,
  overridesKey,
  saveOverrides,
  unusedOverrides,
  withOverride,
  withoutOverride,
} from '../../../renderer/src/pages/reports/overrides.ts'

const paragraph = (id: string, original: string, text = original): ParagraphBlock => ({
  kind: 'paragraph',
  id,
  text,
  original,
  edited: text !== original,
  style: 'body',
})

const blocks: ReportBlock[] = [
  { kind: 'heading', level: 1, number: '一、', text: '总体情况' },
  paragraph('intro', '共受理100人。'),
  paragraph('unit-text@320102', '玄武区院受理6人。', '已改过的文字。'),
]

describe('paragraph overrides', () => {
  it('keeps an edit, forgets one equal to the generated text and restores', () => {
    let overrides = withOverride({}, 'intro', '新的文字。', '共受理100人。')
    expect(overrides).toEqual({ intro: '新的文字。' })
    expect(withOverride(overrides, 'intro', ' 共受理100人。\n', '共受理100人。')).toEqual({})
    overrides = withOverride(overrides, 'x', 'y', 'z')
    expect(withoutOverride(overrides, 'intro')).toEqual({ x: 'y' })
    expect(withoutOverride(overrides, 'none')).toBe(overrides)
  })

  it('applies edits to a model built with or without them', () => {
    const shown = applyOverrides(blocks, { intro: '新的文字。' })
    expect(shown[0]).toBe(blocks[0])
    expect(shown[1]).toMatchObject({ text: '新的文字。', original: '共受理100人。', edited: true })
    // An override the model was built with but that is no longer kept: back to the generated text.
    expect(shown[2]).toMatchObject({ text: '玄武区院受理6人。', edited: false })
  })

  it('tells edits whose paragraph the report no longer has', () => {
    const overrides = { intro: 'a', gone: 'b' }
    expect(unusedOverrides({ blocks }, overrides)).toEqual(['gone'])
    expect(editedCount({ blocks }, overrides)).toBe(1)
  })

  it('keeps edits per template, unit and period in sessionStorage', () => {
    const data = new Map<string, string>()
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    }
    const a = overridesKey('quarterly', '320100', '2025Q2')
    const b = overridesKey('quarterly', '320100', '2025Q1')
    saveOverrides(storage, a, { intro: '甲' })
    saveOverrides(storage, b, { intro: '乙' })
    expect(loadOverrides(storage, a)).toEqual({ intro: '甲' })
    expect(loadOverrides(storage, b)).toEqual({ intro: '乙' })
    saveOverrides(storage, a, {})
    expect(loadOverrides(storage, a)).toEqual({})
    expect(JSON.parse(data.get('yanpan.reports.overrides')!)).toEqual({ [b]: { intro: '乙' } })
    data.set('yanpan.reports.overrides', '{"k":{"a":1,"b":"ok"},"j":[1]}')
    expect(loadOverrides(storage, 'k')).toEqual({ b: 'ok' })
    expect(loadOverrides(storage, 'j')).toEqual({})
    data.set('yanpan.reports.overrides', '[')
    expect(loadOverrides(storage, 'k')).toEqual({})
  })
})
