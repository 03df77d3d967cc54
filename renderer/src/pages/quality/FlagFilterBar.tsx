/**
 * The filters above the flag grid: rule, unit and prosecutor (multi-select), status and severity
 * chips, free-text search; chosen values show as chips that remove themselves on click.
 */
import type { QualityResults, RuleSummary } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus, Severity } from '../../../../shared/quality/rule.ts'
import { ChoiceSelect } from './ChoiceSelect.tsx'
import { EMPTY_FILTER, isFiltered, toggleValue } from './flagFilter.ts'
import type { FlagFilterState } from './flagFilter.ts'
import { SEVERITY_ORDER, STATUS_ORDER, severityName, statusName } from './qualityText.ts'

type Stats = QualityResults['flags/stats']

interface FlagFilterBarProps {
  filter: FlagFilterState
  onChange: (next: FlagFilterState) => void
  rules: readonly RuleSummary[]
  stats: Stats | undefined
}

export function FlagFilterBar({ filter, onChange, rules, stats }: FlagFilterBarProps) {
  const ruleOptions = rules.map((rule) => ({ value: rule.id, label: `${rule.id} ${rule.name}` }))
  const unitOptions = (stats?.byUnit ?? []).map((u) => ({ value: u.unit, label: u.unitName ?? u.unit }))
  // A name may appear once per unit in the stats; the filter is by name, so list it once.
  const prosecutorOptions = [...new Set((stats?.byProsecutor ?? []).map((p) => p.prosecutor))].map(
    (name) => ({
      value: name,
      label: name,
    }),
  )
  const ruleLabel = new Map(ruleOptions.map((o) => [o.value, o.label]))
  const unitLabel = new Map(unitOptions.map((o) => [o.value, o.label]))

  const toggleStatus = (status: FlagStatus) =>
    onChange({ ...filter, statuses: toggleValue(filter.statuses, status) })
  const toggleSeverity = (severity: Severity) =>
    onChange({ ...filter, severities: toggleValue(filter.severities, severity) })

  return (
    <div className="filter-bar" data-testid="flag-filters">
      <div className="filter-row">
        <ChoiceSelect
          label="规则"
          options={ruleOptions}
          chosen={filter.rules}
          onToggle={(id) => onChange({ ...filter, rules: toggleValue(filter.rules, id) })}
          testId="filter-rule"
        />
        <ChoiceSelect
          label="承办单位"
          options={unitOptions}
          chosen={filter.units}
          onToggle={(unit) => onChange({ ...filter, units: toggleValue(filter.units, unit) })}
          testId="filter-unit"
        />
        <ChoiceSelect
          label="承办检察官"
          options={prosecutorOptions}
          chosen={filter.prosecutors}
          onToggle={(name) => onChange({ ...filter, prosecutors: toggleValue(filter.prosecutors, name) })}
          testId="filter-prosecutor"
        />
        <input
          type="search"
          className="input small filter-search"
          placeholder="搜索受案号、嫌疑人编号、姓名或说明"
          title="在部门受案号、嫌疑人编号、嫌疑人姓名和冲突说明中查找"
          maxLength={200}
          value={filter.search}
          onChange={(event) => onChange({ ...filter, search: event.target.value })}
          data-testid="flag-search"
        />
        <button
          type="button"
          className="button small"
          disabled={!isFiltered(filter)}
          onClick={() => onChange(EMPTY_FILTER)}
          data-testid="clear-flag-filters"
        >
          清除筛选
        </button>
      </div>
      <div className="filter-row">
        <span className="chip-group first" role="group" aria-label="状态">
          {STATUS_ORDER.map((status) => (
            <button
              key={status}
              type="button"
              className={filter.statuses.includes(status) ? 'chip on' : 'chip'}
              aria-pressed={filter.statuses.includes(status)}
              onClick={() => toggleStatus(status)}
              data-testid={`filter-status-${status}`}
            >
              {statusName(status)}
            </button>
          ))}
        </span>
        <span className="chip-group" role="group" aria-label="严重程度">
          {SEVERITY_ORDER.map((severity) => (
            <button
              key={severity}
              type="button"
              className={filter.severities.includes(severity) ? `chip on ${severity}` : 'chip'}
              aria-pressed={filter.severities.includes(severity)}
              onClick={() => toggleSeverity(severity)}
              data-testid={`filter-severity-${severity}`}
            >
              {severityName(severity)}
            </button>
          ))}
        </span>
        {filter.rules.map((id) => (
          <RemovableChip
            key={`rule-${id}`}
            label={ruleLabel.get(id) ?? id}
            onRemove={() => onChange({ ...filter, rules: toggleValue(filter.rules, id) })}
          />
        ))}
        {filter.units.map((unit) => (
          <RemovableChip
            key={`unit-${unit}`}
            label={unitLabel.get(unit) ?? unit}
            onRemove={() => onChange({ ...filter, units: toggleValue(filter.units, unit) })}
          />
        ))}
        {filter.prosecutors.map((name) => (
          <RemovableChip
            key={`prosecutor-${name}`}
            label={`承办检察官：${name}`}
            onRemove={() => onChange({ ...filter, prosecutors: toggleValue(filter.prosecutors, name) })}
          />
        ))}
      </div>
    </div>
  )
}

function RemovableChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button type="button" className="chip on removable" title="点击移除此筛选" onClick={onRemove}>
      {label}
      <span aria-hidden="true"> ×</span>
    </button>
  )
}
