/**
 * The records behind one part of a decomposition: its scopes (each a numerator or denominator measure of
 * the current 口径, restricted to the part's sub-unit or field values) and the records of the chosen one
 * in the indicator page's drill grid (records/page with the scope).
 */
import { useState } from 'react'
import type { ContributionItem, ContributionScope } from '../../../../shared/ipc/anomaly-contract.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { DrillGrid } from '../indicators/DrillGrid.tsx'

const PART_NAMES = { numerator: '分子', denominator: '分母' } as const

const scopeKey = (s: ContributionScope) => `${s.part} ${s.measure}`

interface ContributionDrillDialogProps {
  title: string
  item: ContributionItem
  onClose: () => void
}

export function ContributionDrillDialog({ title, item, onClose }: ContributionDrillDialogProps) {
  const [chosen, setChosen] = useState<string>(() => (item.scopes[0] ? scopeKey(item.scopes[0]) : ''))
  const scope = item.scopes.find((s) => scopeKey(s) === chosen) ?? item.scopes[0]
  const match = scope?.scope.match
  return (
    <Dialog title={title} onClose={onClose} wide testId="contribution-drill">
      <div className="drill-head">
        <div className="segmented" role="tablist" aria-label="计数项">
          {item.scopes.map((s) => (
            <button
              key={scopeKey(s)}
              type="button"
              role="tab"
              aria-selected={s === scope}
              className={s === scope ? 'segment on' : 'segment'}
              onClick={() => setChosen(scopeKey(s))}
              data-testid={`contribution-scope-${s.part}-${s.measure}`}
            >
              {PART_NAMES[s.part]}：{s.measure}
            </button>
          ))}
        </div>
        <span className="muted small">
          本期（{scope?.scope.period}）
          {match
            ? `，${match.field}为${match.values.length > 3 ? `${match.values.slice(0, 3).join('、')}等 ${match.values.length} 个值` : match.values.map((v) => v || '（空白）').join('、')}`
            : scope?.scope.own
              ? '，仅本院'
              : '，含下级院'}
        </span>
      </div>
      {scope ? (
        <DrillGrid key={scopeKey(scope)} datasetId={scope.datasetId} scope={scope.scope} />
      ) : (
        <p className="muted">该项没有可下钻的记录。</p>
      )}
    </Dialog>
  )
}
