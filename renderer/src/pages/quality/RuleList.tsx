/**
 * The rule library with each rule's hits: severity, 启用 switch, hits by status, a warning when the
 * rule cannot run. Clicking a rule shows its flags (Ctrl/Shift-click adds it to the filter).
 */
import { useState } from 'react'
import type { MouseEvent } from 'react'
import type { RuleSummary } from '../../../../shared/ipc/quality-contract.ts'
import { routeHash } from '../../app/routes.ts'
import { hitsText, hitsTitle, severityName, totalHits } from './qualityText.ts'

interface RuleListProps {
  rules: readonly RuleSummary[]
  chosen: readonly string[]
  onPick: (id: string, additive: boolean) => void
  onToggle: (id: string, enabled: boolean) => void
  /** Rule whose switch is being saved (its switch is disabled meanwhile). */
  toggling: string | null
}

export function RuleList({ rules, chosen, onPick, onToggle, toggling }: RuleListProps) {
  const [query, setQuery] = useState('')
  const [onlyHits, setOnlyHits] = useState(false)
  const text = query.trim()
  const shown = rules.filter(
    (rule) =>
      (text === '' || rule.id.includes(text.toUpperCase()) || rule.name.includes(text)) &&
      (!onlyHits || totalHits(rule.hits) > 0),
  )

  return (
    <div className="rule-list-wrap">
      <div className="rule-list-tools">
        <input
          type="search"
          className="input small"
          placeholder="查找规则编号或名称"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="rule-search"
        />
        <label className="small nowrap">
          <input type="checkbox" checked={onlyHits} onChange={(event) => setOnlyHits(event.target.checked)} />
          只看有疑点的
        </label>
      </div>
      {shown.length === 0 && <p className="muted small empty-note">没有符合条件的规则。</p>}
      <ul className="rule-list" data-testid="rule-list">
        {shown.map((rule) => (
          <RuleItem
            key={rule.id}
            rule={rule}
            chosen={chosen.includes(rule.id)}
            onPick={onPick}
            onToggle={onToggle}
            toggling={toggling === rule.id}
          />
        ))}
      </ul>
    </div>
  )
}

interface RuleItemProps {
  rule: RuleSummary
  chosen: boolean
  onPick: (id: string, additive: boolean) => void
  onToggle: (id: string, enabled: boolean) => void
  toggling: boolean
}

function RuleItem({ rule, chosen, onPick, onToggle, toggling }: RuleItemProps) {
  const classes = [
    'rule-item',
    chosen && 'chosen',
    !rule.enabled && 'disabled',
    rule.problem && 'has-problem',
  ]
  const pick = (event: MouseEvent) => onPick(rule.id, event.ctrlKey || event.metaKey || event.shiftKey)
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-testid={`rule-row-${rule.id}`}
      aria-selected={chosen}
      onClick={pick}
      title={rule.description || rule.name}
    >
      <div className="rule-line">
        <span className={`severity-badge ${rule.severity}`}>{severityName(rule.severity)}</span>
        <span className="rule-id">{rule.id}</span>
        <span className="rule-name">{rule.name}</span>
        <label
          className="switch"
          title={rule.enabled ? '已启用，点击停用' : '已停用，点击启用'}
          onClick={stop}
        >
          <input
            type="checkbox"
            checked={rule.enabled}
            disabled={toggling}
            onChange={(event) => onToggle(rule.id, event.target.checked)}
            data-testid={`rule-toggle-${rule.id}`}
            aria-label={`启用规则 ${rule.id}`}
          />
          <span className="switch-track" aria-hidden="true" />
        </label>
      </div>
      <div className="rule-line sub">
        <span className="rule-hits" title={hitsTitle(rule.hits)} data-total={totalHits(rule.hits)}>
          {hitsText(rule.hits)}
        </span>
        {rule.problem && (
          <span className="rule-problem" title={rule.problem} data-testid={`rule-problem-${rule.id}`}>
            ⚠ 无法运行
          </span>
        )}
        {rule.source === 'user' && <span className="rule-source">自定义</span>}
        <a
          className="rule-edit"
          href={routeHash({ page: 'rule', ruleId: rule.id })}
          onClick={stop}
          data-testid={`rule-edit-${rule.id}`}
        >
          {rule.source === 'user' ? '编辑' : '查看/调整'}
        </a>
      </div>
    </li>
  )
}

/** Clicks on the switch or the edit link must not also pick the rule as a filter. */
const stop = (event: MouseEvent) => event.stopPropagation()
