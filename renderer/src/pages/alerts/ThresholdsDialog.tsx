/**
 * 预警阈值 (anomaly/settings): the workspace's defaults over the built-in ones, or one indicator's own
 * thresholds over the workspace's. Only what differs from the level below is saved, so a later change of
 * the defaults still reaches every indicator that did not set that threshold itself.
 */
import { useMemo, useState } from 'react'
import {
  ANOMALY_KINDS,
  COMPARISONS,
  COMPARISON_NAMES,
  PEER_SCOPES,
  THRESHOLD_LABELS,
  type Thresholds,
} from '../../../../shared/anomalies/model.ts'
import type { AnomalySettingsResult } from '../../../../shared/ipc/anomaly-contract.ts'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { useOptionalApiData } from '../indicators/useOptionalApiData.ts'
import { formOf, NUMBER_FIELDS, overridesOf, PEER_SCOPE_NAMES, readForm, toggleIn } from './thresholdForm.ts'
import type { NumberField, ThresholdForm } from './thresholdForm.ts'

interface ThresholdsDialogProps {
  indicators: readonly IndicatorSummary[]
  /** The indicator to open on (the selected warning's); null: the workspace's defaults. */
  initialIndicator: string | null
  onSaved: () => void
  onClose: () => void
}

const STEPS: Record<NumberField, number> = {
  changeRate: 0.5,
  changeRelative: 5,
  zChange: 0.5,
  zPeer: 0.5,
  zSeason: 0.5,
  minSample: 1,
  blankBaseline: 1,
  warmupMonths: 1,
}

export function ThresholdsDialog({ indicators, initialIndicator, onSaved, onClose }: ThresholdsDialogProps) {
  const [target, setTarget] = useState<string | null>(initialIndicator)
  const settings = useOptionalApiData('anomaly/settings', target === null ? {} : { indicator: target })
  const current = settings.data && settings.data.indicator === target ? settings.data : undefined
  return (
    <Dialog title="预警阈值" onClose={onClose} wide testId="thresholds-dialog">
      <div className="thresholds-head">
        <label className="inline-field">
          <span className="field-label">适用于</span>
          <select
            className="select small"
            value={target ?? ''}
            onChange={(event) => setTarget(event.target.value === '' ? null : event.target.value)}
            data-testid="thresholds-target"
          >
            <option value="">全部指标（工作区默认）</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
                {current?.overrides[i.id] ? '（已单独设置）' : ''}
              </option>
            ))}
          </select>
        </label>
        {current && Object.keys(current.overrides).length > 0 && (
          <span className="muted small">
            已单独设置阈值的指标：
            {Object.keys(current.overrides)
              .map((id) => indicators.find((i) => i.id === id)?.name ?? id)
              .join('、')}
          </span>
        )}
      </div>
      <ErrorMessage error={settings.error} onRetry={settings.reload} />
      {!current && !settings.error && <p className="muted">正在读取阈值…</p>}
      {current && !settings.loading && (
        <ThresholdEditor
          key={target ?? ''}
          settings={current}
          target={target}
          onSaved={() => {
            onSaved()
            onClose()
          }}
          onClose={onClose}
        />
      )}
    </Dialog>
  )
}

function ThresholdEditor({
  settings,
  target,
  onSaved,
  onClose,
}: {
  settings: AnomalySettingsResult
  target: string | null
  onSaved: () => void
  onClose: () => void
}) {
  // What the form edits and what it is compared with when saving.
  const shown: Thresholds = target === null ? settings.defaults : (settings.effective ?? settings.defaults)
  const base: Thresholds = target === null ? settings.builtin : settings.defaults
  const [form, setForm] = useState<ThresholdForm>(() => formOf(shown))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const read = useMemo(() => readForm(form), [form])
  const changed = read.ok ? overridesOf(read.value, base) : null
  const own =
    target === null ? overridesOf(settings.defaults, settings.builtin) : (settings.overrides[target] ?? {})
  const differs = (key: keyof Thresholds) => key in own

  const save = async (reset: boolean) => {
    if (!reset && !read.ok) return
    setBusy(true)
    setError(null)
    try {
      const indicator = target === null ? {} : { indicator: target }
      // Overrides merge with what is saved: clear first so a threshold set back to the default is dropped.
      await call('anomaly/settings', { ...indicator, set: null })
      if (!reset && changed && Object.keys(changed).length > 0)
        await call('anomaly/settings', { ...indicator, set: changed })
      onSaved()
    } catch (caught) {
      setError(toErrorData(caught))
      setBusy(false)
    }
  }

  const fieldClass = (key: keyof Thresholds) =>
    ['threshold-field', differs(key) && 'overridden', !read.ok && read.field === key && 'invalid']
      .filter(Boolean)
      .join(' ')

  return (
    <>
      <p className="muted small">
        {target === null
          ? '工作区默认阈值适用于所有未单独设置的指标；加粗的项与内置默认值不同。'
          : '该指标单独设置的阈值优先于工作区默认值；加粗的项为该指标单独设置的。'}
      </p>
      <div className="thresholds-grid" data-testid="thresholds-form">
        <label className={fieldClass('enabled')}>
          <span>{THRESHOLD_LABELS.enabled}</span>
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
            data-testid="threshold-enabled"
          />
        </label>
        <div className={fieldClass('kinds')}>
          <span>{THRESHOLD_LABELS.kinds}</span>
          <span className="threshold-choices">
            {ANOMALY_KINDS.map((kind) => (
              <label key={kind} className="check-field">
                <input
                  type="checkbox"
                  checked={form.kinds.includes(kind)}
                  onChange={() => setForm({ ...form, kinds: toggleIn(form.kinds, kind, ANOMALY_KINDS) })}
                />
                {kind}
              </label>
            ))}
          </span>
        </div>
        <div className={fieldClass('compare')}>
          <span>{THRESHOLD_LABELS.compare}</span>
          <span className="threshold-choices">
            {COMPARISONS.map((c) => (
              <label key={c} className="check-field">
                <input
                  type="checkbox"
                  checked={form.compare.includes(c)}
                  onChange={() => setForm({ ...form, compare: toggleIn(form.compare, c, COMPARISONS) })}
                />
                {COMPARISON_NAMES[c]}
              </label>
            ))}
          </span>
        </div>
        {NUMBER_FIELDS.map((field) => (
          <label key={field} className={fieldClass(field)}>
            <span>{THRESHOLD_LABELS[field]}</span>
            <input
              className="input small threshold-input"
              type="number"
              min={0}
              step={STEPS[field]}
              value={form.numbers[field]}
              onChange={(event) =>
                setForm({ ...form, numbers: { ...form.numbers, [field]: event.target.value } })
              }
              data-testid={`threshold-${field}`}
            />
            <span className="muted small">默认 {String(base[field])}</span>
          </label>
        ))}
        <label className={fieldClass('peerScope')}>
          <span>{THRESHOLD_LABELS.peerScope}</span>
          <select
            className="select small"
            value={form.peerScope}
            onChange={(event) =>
              setForm({ ...form, peerScope: event.target.value as Thresholds['peerScope'] })
            }
          >
            {PEER_SCOPES.map((s) => (
              <option key={s} value={s}>
                {PEER_SCOPE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!read.ok && (
        <p className="error-message" role="alert">
          {read.message}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={busy || Object.keys(own).length === 0}
          onClick={() => void save(true)}
          title={target === null ? '恢复为内置默认阈值' : '删除该指标的单独设置，改用工作区默认阈值'}
          data-testid="thresholds-reset"
        >
          {target === null ? '恢复内置默认' : '改用默认阈值'}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={onClose}>
          关闭
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy || !read.ok}
          onClick={() => void save(false)}
          data-testid="thresholds-save"
        >
          {busy ? '正在保存…' : '保存并重新检测'}
        </button>
      </div>
    </>
  )
}
