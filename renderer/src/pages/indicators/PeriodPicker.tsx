/**
 * 期间: a mode (年度 / 半年 / 季度 / 月度 / 累计) with its selects, and the period text itself, which an
 * analyst may also type (2024Q3, 2024-01..2024-09); a text that is not a period is explained, not applied.
 */
import { useState } from 'react'
import { parsePeriod } from '../../../../shared/indicators/period.ts'
import { PERIOD_MODES, pickerFromText, pickerText, switchMode, yearOptions } from './periodPicker.ts'
import type { PeriodMode, PickerState } from './periodPicker.ts'

interface PeriodPickerProps {
  value: string
  coverage: { first: string; last: string } | null
  onChange: (period: string) => void
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

export function PeriodPicker({ value, coverage, onChange }: PeriodPickerProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState('')
  const picker = pickerFromText(value)
  if (picker === null) return null
  const years = yearOptions(coverage, new Date(), picker.year)
  const apply = (next: PickerState) => {
    setDraft(null)
    setProblem('')
    onChange(pickerText(next))
  }
  const commitDraft = () => {
    if (draft === null) return
    const parsed = parsePeriod(draft)
    if (!parsed.ok) {
      setProblem(parsed.message)
      return
    }
    setDraft(null)
    setProblem('')
    if (parsed.period.text !== value) onChange(parsed.period.text)
  }
  const coverageTitle = coverage ? `数据覆盖 ${coverage.first} 至 ${coverage.last}` : '尚无数据'

  return (
    <div className="period-picker" title={coverageTitle}>
      <span className="field-label">期间</span>
      <select
        className="select small"
        value={picker.mode}
        onChange={(event) => apply(switchMode(picker, event.target.value as PeriodMode))}
        aria-label="期间类型"
        data-testid="period-mode"
      >
        {PERIOD_MODES.map((m) => (
          <option key={m.mode} value={m.mode}>
            {m.label}
          </option>
        ))}
      </select>
      {picker.mode !== 'range' && (
        <select
          className="select small"
          value={picker.year}
          onChange={(event) => apply({ ...picker, year: Number(event.target.value) })}
          aria-label="年份"
          data-testid="period-year"
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}年
            </option>
          ))}
        </select>
      )}
      {picker.mode === 'half' && (
        <select
          className="select small"
          value={picker.half}
          onChange={(event) => apply({ ...picker, half: Number(event.target.value) as 1 | 2 })}
          aria-label="半年"
        >
          <option value={1}>上半年</option>
          <option value={2}>下半年</option>
        </select>
      )}
      {picker.mode === 'quarter' && (
        <select
          className="select small"
          value={picker.quarter}
          onChange={(event) =>
            apply({ ...picker, quarter: Number(event.target.value) as PickerState['quarter'] })
          }
          aria-label="季度"
          data-testid="period-quarter"
        >
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              第{'一二三四'[q - 1]}季度
            </option>
          ))}
        </select>
      )}
      {picker.mode === 'month' && (
        <select
          className="select small"
          value={picker.month}
          onChange={(event) => apply({ ...picker, month: Number(event.target.value) })}
          aria-label="月份"
        >
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {m}月
            </option>
          ))}
        </select>
      )}
      {picker.mode === 'range' && (
        <>
          <input
            type="month"
            className="input small month-input"
            value={picker.from}
            max={picker.to}
            onChange={(event) => event.target.value && apply({ ...picker, from: event.target.value })}
            aria-label="起始月份"
          />
          <span aria-hidden="true">至</span>
          <input
            type="month"
            className="input small month-input"
            value={picker.to}
            min={picker.from}
            onChange={(event) => event.target.value && apply({ ...picker, to: event.target.value })}
            aria-label="截止月份"
          />
        </>
      )}
      <input
        className={problem ? 'input small period-text missing' : 'input small period-text'}
        value={draft ?? value}
        style={{ width: `${Math.max(8, (draft ?? value).length) + 4}ch` }}
        onChange={(event) => {
          setDraft(event.target.value)
          setProblem('')
        }}
        onBlur={commitDraft}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitDraft()
          if (event.key === 'Escape') {
            setDraft(null)
            setProblem('')
          }
        }}
        aria-label="期间文本"
        title={problem || '可直接输入：2024、2024H1、2024Q3、2024-07、2024-01..2024-09'}
        aria-invalid={problem !== ''}
        data-testid="period-input"
      />
      {problem && (
        <span className="period-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
