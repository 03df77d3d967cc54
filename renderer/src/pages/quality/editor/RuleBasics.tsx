/** A rule's identity and scope: 编号, 名称, 说明, 适用数据, 严重程度, 规则类型, 启用. */
import { DATASET_KIND_NAMES } from '../../../../../shared/domain/fields.ts'
import type { DatasetKind } from '../../../../../shared/domain/fields.ts'
import { SEVERITY_NAMES } from '../../../../../shared/quality/rule.ts'
import type { Rule, Severity } from '../../../../../shared/quality/rule.ts'
import { toggleValue } from '../flagFilter.ts'
import { FORM_TYPES, KIND_OPTIONS, withFormType } from './ruleDraft.ts'
import type { FormType } from './ruleDraft.ts'

interface RuleBasicsProps {
  draft: Rule
  isNew: boolean
  /** False for library rules: only 启用 can change here. */
  editable: boolean
  onEdit: (patch: Partial<Rule>) => void
}

export function RuleBasics({ draft, isNew, editable, onEdit }: RuleBasicsProps) {
  return (
    <div className="form-grid">
      <label className="form-row">
        <span>规则编号</span>
        <input
          className="input rule-id-input"
          value={draft.id}
          readOnly={!isNew}
          maxLength={32}
          onChange={(event) => onEdit({ id: event.target.value.toUpperCase() })}
          data-testid="rule-id"
        />
      </label>
      <label className="form-row">
        <span>规则名称</span>
        <input
          className="input"
          value={draft.name}
          readOnly={!editable}
          maxLength={200}
          placeholder="例如：审查逮捕案件审结日期早于受理日期"
          onChange={(event) => onEdit({ name: event.target.value })}
          data-testid="rule-name"
        />
      </label>
      <label className="form-row">
        <span>说明</span>
        <textarea
          className="input"
          rows={2}
          value={draft.description}
          readOnly={!editable}
          maxLength={4000}
          onChange={(event) => onEdit({ description: event.target.value })}
        />
      </label>
      <div className="form-row">
        <span>适用数据</span>
        <div className="inline-options">
          {KIND_OPTIONS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={draft.kinds.includes(kind)}
                disabled={!editable}
                onChange={() => onEdit({ kinds: toggleValue<DatasetKind>(draft.kinds, kind) })}
              />
              {DATASET_KIND_NAMES[kind]}
            </label>
          ))}
        </div>
      </div>
      <div className="form-row">
        <span>严重程度</span>
        <div className="inline-options">
          {(Object.keys(SEVERITY_NAMES) as Severity[]).map((severity) => (
            <label key={severity}>
              <input
                type="radio"
                name="severity"
                checked={draft.severity === severity}
                disabled={!editable}
                onChange={() => onEdit({ severity })}
              />
              {SEVERITY_NAMES[severity]}
            </label>
          ))}
        </div>
      </div>
      <label className="form-row">
        <span>规则类型</span>
        <select
          className="select"
          value={draft.form.type}
          disabled={!editable}
          onChange={(event) => onEdit({ form: withFormType(draft.form, event.target.value as FormType) })}
          data-testid="rule-form-type"
        >
          {FORM_TYPES.map((form) => (
            <option key={form.type} value={form.type}>
              {form.label}
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>启用</span>
        <span className="inline-options">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => onEdit({ enabled: event.target.checked })}
            data-testid="rule-enabled"
          />
          {draft.enabled ? '运行核查时使用此规则' : '已停用'}
        </span>
      </label>
    </div>
  )
}
