/**
 * The rule editor: definition (analysts' own rules) or tolerances and 启用 (library rules), with the
 * condition checked live (rules/validate) and previewed on the imported data (rules/preview).
 */
import { useRef, useState } from 'react'
import type { DatasetKind } from '../../../../../shared/domain/fields.ts'
import type { DatasetSummary } from '../../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { RuleSummary } from '../../../../../shared/ipc/quality-contract.ts'
import type { Rule } from '../../../../../shared/quality/rule.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { navigate } from '../../../app/useRoute.ts'
import { routeHash } from '../../../app/routes.ts'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { Section } from '../../../components/Section.tsx'
import { ConditionEditor } from './ConditionEditor.tsx'
import { ConflictFields } from './ConflictFields.tsx'
import { FieldPicker } from './FieldPicker.tsx'
import { ParameterTable } from './ParameterTable.tsx'
import { PreviewPanel } from './PreviewPanel.tsx'
import { RuleBasics } from './RuleBasics.tsx'
import {
  changedParameters,
  conditionOf,
  FORM_TYPES,
  hasCondition,
  isDirty,
  isLibrary,
  localProblems,
  newRule,
  ruleOf,
  splitNames,
  withCondition,
} from './ruleDraft.ts'
import { insertSnippet } from './snippets.ts'
import type { Snippet } from './snippets.ts'
import { SyntaxHelp } from './SyntaxHelp.tsx'
import { useRuleCheck } from './useRuleCheck.ts'
import { ValidationPanel } from './ValidationPanel.tsx'

interface RuleEditorProps {
  /** The rule as saved; null for a new rule. */
  saved: Rule | null
  problem: string | null
  existingIds: readonly string[]
  datasets: readonly DatasetSummary[]
}

export function RuleEditor({ saved: initial, problem, existingIds, datasets }: RuleEditorProps) {
  const [saved, setSaved] = useState<Rule | null>(initial)
  const [draft, setDraft] = useState<Rule>(() => initial ?? newRule(existingIds))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const [notice, setNotice] = useState('')
  const [confirmDelete, setConfirmDelete] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)

  const isNew = saved === null
  const library = isLibrary(draft)
  const local = localProblems(draft, { isNew, existingIds })
  const { check, preview } = useRuleCheck(draft, local.length > 0)
  const marks = check.status === 'invalid' ? check.validation.errors : []
  const dirty = isDirty(saved, draft)

  const edit = (patch: Partial<Rule>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setNotice('')
  }

  /** Inserts at the caret (or replacing the selection) and puts the caret after the insertion. */
  const insert = (snippet: Snippet) => {
    const element = textarea.current
    const text = conditionOf(draft.form)
    const start = element?.selectionStart ?? text.length
    const end = element?.selectionEnd ?? text.length
    const result = insertSnippet(text, start, end, snippet)
    edit({ form: withCondition(draft.form, result.text) })
    requestAnimationFrame(() => {
      element?.focus()
      element?.setSelectionRange(result.caret, result.caret)
    })
  }

  const jump = (offset: number, length: number) => {
    const element = textarea.current
    if (!element) return
    element.focus()
    element.setSelectionRange(offset, offset + Math.max(length, 0))
  }

  const save = async () => {
    setSaving(true)
    setError(null)
    try {
      const result =
        saved !== null && library ? await saveLibraryRule(saved, draft) : await saveUserRule(draft)
      const stored = ruleOf(result)
      setSaved(stored)
      setDraft(stored)
      setNotice(`已保存规则 ${stored.id}。`)
      // A new rule now has an address; replaceState so the editor is not remounted by a hashchange.
      if (isNew) window.history.replaceState(null, '', routeHash({ page: 'rule', ruleId: stored.id }))
    } catch (caught) {
      setError(toErrorData(caught))
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    setSaving(true)
    try {
      await call('rules/delete', { id: draft.id })
      navigate({ page: 'quality' })
    } catch (caught) {
      setError(toErrorData(caught))
      setConfirmDelete(false)
      setSaving(false)
    }
  }

  const formHint = FORM_TYPES.find((form) => form.type === draft.form.type)?.hint

  return (
    <div className="rule-editor" data-testid="rule-editor" data-rule={draft.id}>
      <header className="editor-header">
        <h1 className="page-title">{isNew ? '新建规则' : `${draft.id} ${saved?.name ?? ''}`}</h1>
        <span className="badge">{library ? '内置规则' : '自定义规则'}</span>
        {problem && (
          <span className="rule-problem" title={problem}>
            ⚠ 无法运行：{problem}
          </span>
        )}
        <span className="toolbar-spacer" />
        <a className="button" href="#/quality">
          返回
        </a>
        {!library && !isNew && (
          <button
            type="button"
            className="button danger"
            disabled={saving}
            onClick={() => setConfirmDelete(true)}
            data-testid="rule-delete"
          >
            删除
          </button>
        )}
        <button
          type="button"
          className="button primary"
          disabled={saving || !dirty || (!library && local.length > 0)}
          onClick={() => void save()}
          data-testid="rule-save"
        >
          {saving ? '正在保存…' : '保存'}
        </button>
      </header>
      {notice && (
        <div className="notice" role="status" data-testid="rule-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={error} />
      {library && <p className="muted small">内置规则随软件提供，定义不可修改；可调整参数取值和启用状态。</p>}
      <div className="editor-columns">
        <div className="editor-form">
          <Section title="基本信息">
            <RuleBasics draft={draft} isNew={isNew} editable={!library} onEdit={edit} />
          </Section>
          <Section title="核查条件">
            {formHint && <p className="muted small form-hint">{formHint}</p>}
            {draft.form.type === 'case' && (
              <label className="form-row">
                <span>分组字段</span>
                <input
                  className="input"
                  value={draft.form.groupBy ?? ''}
                  placeholder="默认：部门受案号"
                  readOnly={library}
                  onChange={(event) =>
                    edit({
                      form: {
                        type: 'case',
                        condition: conditionOf(draft.form),
                        groupBy: event.target.value || undefined,
                      },
                    })
                  }
                />
              </label>
            )}
            {draft.form.type === 'duplicate' && (
              <label className="form-row">
                <span>比对字段</span>
                <input
                  className="input"
                  value={(draft.form.fields ?? []).join('、')}
                  placeholder="默认：记录键（部门受案号 + 嫌疑人编号）；多个字段用、分隔"
                  readOnly={library}
                  onChange={(event) => {
                    const fields = splitNames(event.target.value)
                    edit({ form: { type: 'duplicate', fields: fields.length > 0 ? fields : undefined } })
                  }}
                />
              </label>
            )}
            {hasCondition(draft.form) && (
              <ConditionEditor
                value={draft.form.condition}
                onChange={(condition) => edit({ form: withCondition(draft.form, condition) })}
                errors={marks}
                readOnly={library}
                textareaRef={textarea}
                invalid={check.status === 'invalid'}
              />
            )}
            <ValidationPanel check={check} local={local} onJump={jump} />
          </Section>
          <Section title="提示信息与冲突字段">
            <label className="form-row">
              <span>提示信息</span>
              <input
                className="input"
                value={draft.message}
                maxLength={1000}
                readOnly={library}
                placeholder="例如：审结日期 {审结日期} 早于受理日期 {受理日期}"
                onChange={(event) => edit({ message: event.target.value })}
                data-testid="rule-message"
              />
            </label>
            <p className="muted small form-hint">
              {'{字段名}'} 替换为记录中的值，{'{@参数名}'} 替换为参数取值。
            </p>
            <div className="form-row">
              <span>冲突字段</span>
              <ConflictFields
                fields={draft.fields}
                onChange={library ? null : (fields) => edit({ fields })}
              />
            </div>
          </Section>
          <Section title="参数">
            <ParameterTable
              parameters={draft.parameters}
              onChange={(parameters) => edit({ parameters })}
              definitionEditable={!library}
              onInsert={library || !hasCondition(draft.form) ? null : insert}
            />
          </Section>
          <Section title="预览">
            <PreviewPanel preview={preview} />
          </Section>
        </div>
        <aside className="editor-help">
          <Section title="字段">
            <FieldPicker
              datasets={datasets}
              kinds={draft.kinds as DatasetKind[]}
              formType={draft.form.type}
              onInsert={insert}
              onAddConflict={library ? null : (field) => edit({ fields: [...draft.fields, field] })}
              conflicts={draft.fields}
              disabled={library || !hasCondition(draft.form)}
            />
          </Section>
          <Section title="函数与运算符">
            <SyntaxHelp onInsert={insert} disabled={library || !hasCondition(draft.form)} />
          </Section>
        </aside>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title="删除规则"
          confirmLabel="删除"
          busy={saving}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            确定删除规则 {draft.id} {saved?.name}？删除后不再用该规则核查。
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}

async function saveUserRule(rule: Rule): Promise<RuleSummary> {
  return call('rules/save', { rule })
}

/** Library rules change only through their tolerances and 启用, each its own channel. */
async function saveLibraryRule(saved: Rule, draft: Rule): Promise<RuleSummary> {
  let result: RuleSummary | null = null
  for (const { name, value } of changedParameters(saved, draft)) {
    result = await call('rules/setParameter', { id: saved.id, name, value })
  }
  if (draft.enabled !== saved.enabled)
    result = await call('rules/setEnabled', { id: saved.id, enabled: draft.enabled })
  if (result === null) throw new Error('没有需要保存的修改。')
  return result
}
