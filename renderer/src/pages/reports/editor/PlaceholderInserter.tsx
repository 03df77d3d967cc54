/**
 * 插入占位符: builds `{单位}`, `{不捕率|同比}`, `{审查逮捕受理件数+审查逮捕受理人数|同比}` or `{核查|未整改}`
 * from selects and puts it where the cursor is in the text box.
 */
import { useState } from 'react'
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import {
  CONTEXT_NAMES,
  PAIR_PROPERTIES,
  PROPERTIES,
  QUALITY_NAME,
  QUALITY_PROPERTIES,
} from '../../../../../shared/reports/placeholders.ts'
import { IndicatorSelect } from './IndicatorPicker.tsx'
import { placeholderText } from './templateDraft.ts'

type Kind = 'context' | 'indicator' | 'pair' | 'quality'

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'indicator', label: '指标' },
  { kind: 'pair', label: '件数+人数' },
  { kind: 'context', label: '单位/期间等' },
  { kind: 'quality', label: '数据质量' },
]

export function PlaceholderInserter({
  indicators,
  onInsert,
}: {
  indicators: readonly IndicatorSummary[]
  onInsert: (text: string) => void
}) {
  const counts = indicators.filter((i) => i.unit === '件' || i.unit === '人')
  const [kind, setKind] = useState<Kind>('indicator')
  const [name, setName] = useState<string | undefined>(indicators[0]?.name)
  const [second, setSecond] = useState<string | undefined>(undefined)
  const [context, setContext] = useState<string>(CONTEXT_NAMES[0])
  const [property, setProperty] = useState('值')
  const [quality, setQuality] = useState<string>(QUALITY_PROPERTIES[0])

  const properties: readonly string[] = kind === 'pair' ? PAIR_PROPERTIES : PROPERTIES
  const text =
    kind === 'context'
      ? placeholderText([context])
      : kind === 'quality'
        ? placeholderText([QUALITY_NAME], quality)
        : kind === 'pair'
          ? name && second
            ? placeholderText([name, second], properties.includes(property) ? property : '值')
            : null
          : name
            ? placeholderText([name], property)
            : null

  return (
    <div className="placeholder-inserter" data-testid="placeholder-inserter">
      <span className="field-label">插入占位符</span>
      <select
        className="select small"
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
        aria-label="占位符种类"
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {kind === 'context' && (
        <select
          className="select small"
          value={context}
          onChange={(event) => setContext(event.target.value)}
          aria-label="名称"
        >
          {CONTEXT_NAMES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
      {(kind === 'indicator' || kind === 'pair') && (
        <IndicatorSelect
          indicators={kind === 'pair' ? counts : indicators}
          value={name}
          onChange={setName}
          testId="placeholder-indicator"
        />
      )}
      {kind === 'pair' && <IndicatorSelect indicators={counts} value={second} onChange={setSecond} />}
      {(kind === 'indicator' || kind === 'pair') && (
        <select
          className="select small"
          value={properties.includes(property) ? property : '值'}
          onChange={(event) => setProperty(event.target.value)}
          aria-label="属性"
          data-testid="placeholder-property"
        >
          {properties.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
      {kind === 'quality' && (
        <select
          className="select small"
          value={quality}
          onChange={(event) => setQuality(event.target.value)}
          aria-label="属性"
        >
          {QUALITY_PROPERTIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="button small"
        disabled={text === null}
        onClick={() => text && onInsert(text)}
        data-testid="placeholder-insert"
      >
        插入{text ? ` ${text}` : ''}
      </button>
    </div>
  )
}
