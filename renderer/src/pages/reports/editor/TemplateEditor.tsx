/**
 * The report template editor: the template's title and options, its sections and their blocks
 * (headings, narrative with placeholders and conditional phrasing, tables, charts, 存在问题, 工作建议),
 * checked live (report/template/validate, problems beside their controls) and previewed on the data
 * (report/build with the draft). Built-in templates are read-only: 另存为 copies one as the
 * workspace's own; the workspace's own can be saved and deleted.
 */
import { useState } from 'react'
import type { UnitSummary } from '../../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import type { ReportTemplateSummary, TemplateProblem } from '../../../../../shared/ipc/report-contract.ts'
import { PERIOD_HINTS } from '../../../../../shared/reports/template.ts'
import type { Block, BlockType } from '../../../../../shared/reports/template.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { navigate } from '../../../app/useRoute.ts'
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { Section } from '../../../components/Section.tsx'
import { loadSelection, saveSelection, sessionStore } from '../reportSpec.ts'
import { CheckField, SelectField, TextAreaField, TextField } from './Controls.tsx'
import { FLAG_SCOPE_NAMES, PERIOD_HINT_NAMES } from './editorText.ts'
import { FieldProblems, ProblemsContext, ReadOnlyContext } from './ProblemsContext.tsx'
import { blockKey, SectionEditor } from './SectionEditor.tsx'
import type { SectionActions } from './SectionEditor.tsx'
import {
  addSection,
  copyTemplate,
  insertBlock,
  isDirty,
  localProblems,
  moveBlock,
  moveSection,
  newBlock,
  removeBlock,
  removeSection,
  sectionAt,
  updateBlock,
  updateSection,
} from './templateDraft.ts'
import type { Draft, SectionPath } from './templateDraft.ts'
import { TemplatePreview } from './TemplatePreview.tsx'
import { controlId, pathLabel, placeProblems } from './templateProblems.ts'
import { useTemplateCheck } from './useTemplateCheck.ts'

interface TemplateEditorProps {
  /** The template as stored; null for a new one. */
  saved: Draft | null
  source: 'builtin' | 'user' | null
  /** A new template's starting point. */
  initial: Draft
  templates: readonly ReportTemplateSummary[]
  indicators: readonly IndicatorSummary[]
  units: readonly UnitSummary[]
}

const PERIOD_HINT_OPTIONS = Object.fromEntries(PERIOD_HINTS.map((h) => [h, PERIOD_HINT_NAMES[h]])) as Record<
  Draft['periodHint'],
  string
>

export function TemplateEditor({
  saved,
  source,
  initial,
  templates,
  indicators,
  units,
}: TemplateEditorProps) {
  const [draft, setDraft] = useState<Draft>(initial)
  const [stored, setStored] = useState<Draft | null>(saved)
  const [copied, setCopied] = useState(false)
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const [notice, setNotice] = useState('')
  const [deleting, setDeleting] = useState(false)
  const [deleteBusy, setDeleteBusy] = useState(false)
  const [removing, setRemoving] = useState<SectionPath | null>(null)

  const readOnly = source === 'builtin' && !copied
  const storedId = source === 'user' && stored ? stored.id : null
  const local: TemplateProblem[] = readOnly ? [] : localProblems(draft, storedId, templates)
  const check = useTemplateCheck(draft, local)
  const problems = readOnly ? [] : check.problems
  const placed = placeProblems(problems, draft)
  const dirty = isDirty(stored, draft) || copied
  const canSave = !readOnly && !saving && dirty && local.length === 0 && check.status === 'ok'

  const edit = (next: Draft) => {
    setDraft(next)
    setError(null)
    setNotice('')
  }
  const patch = (values: Partial<Draft>) => edit({ ...draft, ...values })

  const actions: SectionActions = {
    editSection: (path, change) => edit(updateSection(draft, path, change)),
    moveSection: (path, delta) => edit(moveSection(draft, path, delta)),
    removeSection: (path) => {
      const section = sectionAt(draft, path)
      // A section with content goes only after a confirmation; an empty one at once.
      if (section && (section.blocks.length > 0 || (section.sections ?? []).length > 0)) setRemoving(path)
      else edit(removeSection(draft, path))
    },
    addSubsection: (path) => edit(addSection(draft, path)),
    changeBlock: (path, index, before: Block, after: Block) => {
      edit(updateBlock(draft, path, index, after))
      // A block whose id changed stays open.
      if (before.id !== after.id && before.id && open.has(before.id)) {
        setOpen(new Set([...[...open].filter((k) => k !== before.id), after.id ?? '']))
      }
    },
    addBlock: (path, type: BlockType) => {
      const block = newBlock(type, draft)
      const section = sectionAt(draft, path)
      edit(insertBlock(draft, path, section?.blocks.length ?? 0, block))
      if (block.id) setOpen(new Set([...open, block.id]))
    },
    moveBlock: (path, index, delta) => edit(moveBlock(draft, path, index, delta)),
    removeBlock: (path, index) => edit(removeBlock(draft, path, index)),
    toggleBlock: (key) =>
      setOpen(open.has(key) ? new Set([...open].filter((k) => k !== key)) : new Set([...open, key])),
  }

  /** Opens the block a problem is in and puts the cursor on the control that shows it. */
  const focusProblem = (problem: TemplateProblem) => {
    const at = [...placed.entries()].find(([, list]) => list.includes(problem))?.[0] ?? ''
    const match = /^((?:sections\.\d+\.?)+)blocks\.(\d+)/.exec(at)
    if (match) {
      const path = match[1]
        .split('.')
        .filter((part) => /^\d+$/.test(part))
        .map(Number)
      const block = sectionAt(draft, path)?.blocks[Number(match[2])]
      if (block) {
        const key = blockKey(block, `${match[1]}blocks.${match[2]}`)
        if (!open.has(key)) setOpen(new Set([...open, key]))
      }
    }
    requestAnimationFrame(() => {
      const element = at === '' ? null : document.getElementById(controlId(at))
      if (element) {
        element.scrollIntoView({ block: 'center' })
        element.focus()
      }
    })
  }

  const copy = () => {
    setDraft(
      copyTemplate(
        draft,
        templates.map((t) => t.id),
      ),
    )
    setCopied(true)
    setNotice('已复制为新模板，修改后请保存。')
  }

  const save = async () => {
    setSaving(true)
    setError(null)
    try {
      await call('report/template/save', { template: draft })
      if (storedId === draft.id) {
        setStored(draft)
        setNotice(`已保存模板“${draft.name}”。`)
        setSaving(false)
      } else {
        navigate({ page: 'reportTemplate', templateId: draft.id })
      }
    } catch (caught) {
      setError(toErrorData(caught))
      setSaving(false)
    }
  }

  const remove = async () => {
    if (storedId === null) return
    setDeleteBusy(true)
    try {
      await call('report/template/delete', { id: storedId })
      navigate({ page: 'reports' })
    } catch (caught) {
      setError(toErrorData(caught))
      setDeleteBusy(false)
      setDeleting(false)
    }
  }

  const useForReport = () => {
    const store = sessionStore()
    saveSelection(store, { ...loadSelection(store), template: draft.id, period: null })
    navigate({ page: 'reports' })
  }

  return (
    <ProblemsContext.Provider value={placed}>
      <ReadOnlyContext.Provider value={readOnly}>
        <div
          className="template-editor"
          data-testid="template-editor"
          data-template={draft.id}
          data-readonly={readOnly}
          data-dirty={dirty}
        >
          <header className="editor-header">
            <h1 className="page-title">
              {saved === null || copied ? draft.name || '新建报告模板' : (stored?.name ?? draft.name)}
            </h1>
            <span className="badge">
              {readOnly ? '内置模板（只读）' : copied || saved === null ? '新模板' : '我的模板'}
            </span>
            <span className="toolbar-spacer" />
            <a className="button" href="#/reports">
              返回
            </a>
            {(!dirty && storedId !== null) || readOnly ? (
              <button type="button" className="button" onClick={useForReport} data-testid="template-use">
                用此模板生成报告
              </button>
            ) : null}
            {saved !== null && (
              <button type="button" className="button" onClick={copy} data-testid="template-copy">
                另存为…
              </button>
            )}
            {storedId !== null && !copied && (
              <button
                type="button"
                className="button danger"
                onClick={() => setDeleting(true)}
                data-testid="template-delete"
              >
                删除
              </button>
            )}
            {!readOnly && (
              <button
                type="button"
                className="button primary"
                disabled={!canSave}
                title={
                  local.length > 0 || check.status === 'invalid' ? '请先修正检查中列出的问题' : undefined
                }
                onClick={() => void save()}
                data-testid="template-save"
              >
                {saving ? '正在保存…' : '保存'}
              </button>
            )}
          </header>
          {readOnly && (
            <p className="muted small">
              内置模板随软件提供，不能修改；点“另存为…”复制一份作为自己的模板，再调整部分、段落、表格和图表。
            </p>
          )}
          {notice && (
            <div className="notice" role="status" data-testid="template-notice">
              {notice}
            </div>
          )}
          <ErrorMessage error={error} />

          <div className="template-columns">
            <div className="template-form">
              <Section title="基本信息">
                <fieldset className="tpl-fieldset tpl-basics" disabled={readOnly}>
                  <TextField
                    label="模板名称"
                    path="name"
                    value={draft.name}
                    onChange={(name) => patch({ name })}
                    testId="template-name"
                    maxLength={60}
                  />
                  <TextField
                    label="模板编号"
                    path="id"
                    value={draft.id}
                    onChange={(id) => patch({ id: id.trim() })}
                    hint={
                      storedId !== null && draft.id !== storedId
                        ? `编号已改动：保存后另存为新模板，原模板“${storedId}”保留`
                        : '小写字母、数字和减号，以字母开头；用于命令行 yanpan report --template'
                    }
                    testId="template-id"
                  />
                  <TextField
                    label="报告标题"
                    path="title"
                    value={draft.title}
                    onChange={(title) => patch({ title })}
                    hint="可用 {单位}、{期间} 等占位符"
                    testId="template-title"
                  />
                  <TextField
                    label="副标题"
                    path="subtitle"
                    value={draft.subtitle}
                    onChange={(subtitle) => patch({ subtitle: subtitle === '' ? undefined : subtitle })}
                    placeholder="（可选）"
                  />
                  <TextAreaField
                    label="说明"
                    path="description"
                    value={draft.description}
                    onChange={(description) => patch({ description })}
                    rows={2}
                  />
                  <SelectField
                    label="适用期间"
                    path="periodHint"
                    value={draft.periodHint}
                    options={PERIOD_HINT_OPTIONS}
                    onChange={(periodHint) => patch({ periodHint })}
                    hint="生成报告时默认选择的期间类型"
                  />
                  <SelectField
                    label="核查范围"
                    path="flagScope"
                    value={draft.flagScope}
                    options={FLAG_SCOPE_NAMES}
                    onChange={(flagScope) => patch({ flagScope })}
                    hint="数据质量部分统计的核查问题"
                  />
                  <CheckField
                    label="封面信息"
                    path="cover"
                    checked={draft.cover}
                    onChange={(cover) => patch({ cover })}
                    text="标题下列出编制单位、统计期间、生成日期"
                  />
                  <CheckField
                    label="附录"
                    path="appendix"
                    checked={draft.appendix}
                    onChange={(appendix) => patch({ appendix })}
                    text="附数据来源、指标口径、规则库版本和剔除记录"
                  />
                </fieldset>
              </Section>
              <Section
                title="部分与内容块"
                actions={
                  <span className="small muted">
                    {open.size > 0 ? (
                      <button type="button" className="button link small" onClick={() => setOpen(new Set())}>
                        全部收起
                      </button>
                    ) : (
                      '点击内容块展开编辑'
                    )}
                  </span>
                }
              >
                <FieldProblems path="sections" />
                <ol className="tpl-sections top">
                  {draft.sections.map((section, i) => (
                    <SectionEditor
                      key={i}
                      section={section}
                      path={[i]}
                      siblings={draft.sections.length}
                      indicators={indicators}
                      open={open}
                      actions={actions}
                    />
                  ))}
                </ol>
                {!readOnly && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => edit(addSection(draft, null))}
                    data-testid="add-section"
                  >
                    ＋ 添加部分
                  </button>
                )}
              </Section>
            </div>

            <aside className="template-side">
              <Section title="检查">
                <div
                  className={`template-check ${readOnly ? 'ok' : check.status}`}
                  data-testid="template-problems"
                  data-state={readOnly ? 'readonly' : check.status}
                  data-count={problems.length}
                >
                  {readOnly && <span className="muted">内置模板已通过检查。</span>}
                  {!readOnly && check.status === 'checking' && <span className="muted">正在检查…</span>}
                  {!readOnly && check.status === 'failed' && <ErrorMessage error={check.error} />}
                  {!readOnly && check.status === 'ok' && <span className="validation-ok">✓ 模板有效。</span>}
                  {problems.length > 0 && (
                    <ul className="template-problem-list">
                      {problems.map((problem, index) => (
                        <li key={index}>
                          <button
                            type="button"
                            className="button link template-problem-jump"
                            title="定位到出错的位置"
                            onClick={() => focusProblem(problem)}
                          >
                            {pathLabel(problem.path, draft)}：{problem.message}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </Section>
              <Section title="预览">
                <TemplatePreview
                  draft={draft}
                  valid={readOnly || check.status === 'ok'}
                  units={units}
                  probeIndicator={indicators[0]?.id ?? null}
                />
              </Section>
            </aside>
          </div>
          {removing && (
            <ConfirmDialog
              title="删除部分"
              confirmLabel="删除"
              onConfirm={() => {
                edit(removeSection(draft, removing))
                setRemoving(null)
              }}
              onCancel={() => setRemoving(null)}
            >
              <p>
                确定删除部分“{sectionAt(draft, removing)?.heading}
                ”及其中的全部内容块和下级部分吗？保存前可点“返回”放弃全部修改。
              </p>
            </ConfirmDialog>
          )}
          {deleting && (
            <ConfirmDialog
              title="删除报告模板"
              confirmLabel="删除"
              busy={deleteBusy}
              onConfirm={() => void remove()}
              onCancel={() => setDeleting(false)}
            >
              <p>
                确定删除报告模板“{stored?.name ?? draft.name}”（{storedId}）吗？删除后不能恢复。
              </p>
            </ConfirmDialog>
          )}
        </div>
      </ReadOnlyContext.Provider>
    </ProblemsContext.Provider>
  )
}
