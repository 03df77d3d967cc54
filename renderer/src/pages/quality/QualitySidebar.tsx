/** The left column of 数据质量: the rule list and the per-unit / per-prosecutor tables, as tabs. */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { QualityResults, RuleSummary } from '../../../../shared/ipc/quality-contract.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatCount } from '../../format/numbers.ts'
import type { FlagFilterState } from './flagFilter.ts'
import { RuleList } from './RuleList.tsx'
import { StatsTable } from './StatsTable.tsx'
import { prosecutorRows, unitRows } from './statsRows.ts'

type Tab = 'rules' | 'units' | 'prosecutors'

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'rules', label: '按规则' },
  { id: 'units', label: '按单位' },
  { id: 'prosecutors', label: '按承办检察官' },
]

interface QualitySidebarProps {
  rules: readonly RuleSummary[] | undefined
  rulesError: EngineErrorData | undefined
  onRetryRules: () => void
  stats: QualityResults['flags/stats'] | undefined
  statsError: EngineErrorData | undefined
  filter: FlagFilterState
  onPickRule: (id: string, additive: boolean) => void
  onPickUnit: (unit: string, additive: boolean) => void
  onPickProsecutor: (name: string, additive: boolean) => void
  onToggleRule: (id: string, enabled: boolean) => void
  toggling: string | null
}

export function QualitySidebar(props: QualitySidebarProps) {
  const [tab, setTab] = useState<Tab>('rules')
  const { rules, stats, filter } = props
  return (
    <aside className="quality-sidebar" aria-label="规则与统计">
      <div className="tabs" role="tablist">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
            data-testid={`quality-tab-${id}`}
          >
            {label}
            {id === 'rules' && rules && <span className="tab-count">{formatCount(rules.length)}</span>}
          </button>
        ))}
      </div>
      <div className="sidebar-body">
        {tab === 'rules' && (
          <>
            <ErrorMessage error={props.rulesError} onRetry={props.onRetryRules} />
            {!rules && !props.rulesError && <p className="muted small empty-note">正在读取规则…</p>}
            {rules && (
              <RuleList
                rules={rules}
                chosen={filter.rules}
                onPick={props.onPickRule}
                onToggle={props.onToggleRule}
                toggling={props.toggling}
              />
            )}
          </>
        )}
        {tab !== 'rules' && <ErrorMessage error={props.statsError} />}
        {tab === 'units' && (
          <StatsTable
            heading="承办单位"
            rows={unitRows(stats)}
            totals={stats?.totals}
            chosen={filter.units}
            onPick={props.onPickUnit}
            testId="stats-by-unit"
          />
        )}
        {tab === 'prosecutors' && (
          <StatsTable
            heading="承办检察官"
            rows={prosecutorRows(stats)}
            totals={stats?.totals}
            chosen={filter.prosecutors}
            onPick={props.onPickProsecutor}
            testId="stats-by-prosecutor"
          />
        )}
      </div>
    </aside>
  )
}
