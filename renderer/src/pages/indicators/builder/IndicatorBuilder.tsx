/**
 * The visual indicator builder: the form (basics, 口径, measures with filter chips, the formula
 * composer) and the YAML text kept in step both ways, checked live (indicator/validate, problems shown
 * beside their controls) and previewed on the imported data (indicator/preview). Library indicators
 * are read-only; 另存为我的指标 copies one as the analyst's own.
 */
import { useState } from 'react'
import type { DatasetSummary, UnitSummary } from '../../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { navigate } from '../../../app/useRoute.ts'
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { Section } from '../../../components/Section.tsx'
import { BasicsForm } from './BasicsForm.tsx'
import { defaultPeriod } from './builderCheck.ts'
import type { PreviewOptions } from './builderCheck.ts'
import { copyAsMine, isDirty, isLibrary, localProblems, newDefinition } from './builderDraft.ts'
import type { Definition } from './builderDraft.ts'
import { CaliberEditor } from './CaliberEditor.tsx'
import { DefinitionTextView } from './DefinitionTextView.tsx'
import { definitionToText, textToDefinition } from './definitionText.ts'
import { PreviewPanel } from './PreviewPanel.tsx'
import { ProblemList } from './ProblemList.tsx'
import { placeProblems } from './problems.ts'
import { useDatasetFields } from './useDatasetFields.ts'
import { useIndicatorCheck } from './useIndicatorCheck.ts'

interface IndicatorBuilderProps {
  /** The definition as saved; null for a new indicator. */
  saved: Definition | null
  indicators: readonly IndicatorSummary[]
  datasets: readonly DatasetSummary[]
  units: readonly UnitSummary[]
}

/** The 省院 (the top of the hierarchy), else the first unit. */
const defaultUnit = (units: readonly UnitSummary[]): string =>
  (units.find((unit) => unit.parent === null) ?? units[0])?.code ?? ''

export function IndicatorBuilder({ saved, indicators, datasets, units }: IndicatorBuilderProps) {
  const existingIds = indicators.map((indicator) => indicator.id)
  const [draft, setDraft] = useState<Definition>(() => saved ?? newDefinition(existingIds))
  const [text, setText] = useState(() => definitionToText(draft))
  const [textError, setTextError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const [options, setOptions] = useState<PreviewOptions>(() => ({
    unit: '',
    period: defaultPeriod(),
    own: false,
    excludeFlagged: false,
  }))
  const fieldsById = useDatasetFields(datasets)

  const isNew = saved === null || saved.id !== draft.id
  const readOnly = isLibrary(draft)
  const local = readOnly ? [] : localProblems(draft, { isNew, existingIds })
  const previewOptions = { ...options, unit: options.unit || defaultUnit(units) }
  const { check, preview } = useIndicatorCheck(draft, local, previewOptions)
  const problems = check.status === 'local' || check.status === 'invalid' ? check.problems : []
  const placed = placeProblems(problems, draft)
  const placedAt = (problem: (typeof problems)[number]) =>
    [...placed.entries()].find(([, list]) => list.includes(problem))?.[0] ?? ''
  const themes = [...new Set(indicators.map((indicator) => indicator.theme))].sort()

  /** A form edit: the text view is rewritten from the new draft. */
  const edit = (next: Definition) => {
    setDraft(next)
    setText(definitionToText(next))
    setTextError(null)
    setError(null)
  }

  /** A text edit: the form follows when the text reads as a definition, else it stays as it was. */
  const editText = (next: string) => {
    setText(next)
    const result = textToDefinition(next, draft)
    if (result.ok) {
      setDraft(result.definition)
      setTextError(null)
    } else {
      setTextError(result.message)
    }
  }

  const save = async () => {
    setSaving(true)
    setError(null)
    try {
      await call('indicator/save', { definition: draft })
      navigate({ page: 'indicators' })
    } catch (caught) {
      setError(toErrorData(caught))
      setSaving(false)
    }
  }

  const canSave = !readOnly && !saving && local.length === 0 && textError === null && isDirty(saved, draft)

  return (
    <div className="indicator-builder" data-testid="indicator-builder" data-indicator={draft.id}>
      <header className="editor-header">
        <h1 className="page-title">{isNew ? '新建指标' : (saved?.name ?? draft.name)}</h1>
        <span className="badge">{readOnly ? '内置指标' : '自定义指标'}</span>
        <span className="toolbar-spacer" />
        <a className="button" href="#/indicators">
          返回
        </a>
        {readOnly && (
          <button
            type="button"
            className="button"
            onClick={() => edit(copyAsMine(draft, existingIds))}
            data-testid="builder-copy"
          >
            另存为我的指标
          </button>
        )}
        <button
          type="button"
          className="button primary"
          disabled={!canSave}
          title={local.length > 0 ? '请先修正检查中列出的问题' : undefined}
          onClick={() => void save()}
          data-testid="builder-save"
        >
          {saving ? '正在保存…' : '保存'}
        </button>
      </header>
      {readOnly && (
        <p className="muted small">
          内置指标随软件提供，定义不可修改；可“另存为我的指标”后在副本上调整口径、度量和公式。
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="builder-columns">
        <div className="builder-form">
          <Section title="基本信息">
            <BasicsForm
              draft={draft}
              onEdit={(patch) => edit({ ...draft, ...patch })}
              readOnly={readOnly}
              idEditable={saved === null || isNew}
              placed={placed}
              themes={themes}
            />
          </Section>
          <Section title="口径、度量与公式">
            <CaliberEditor
              draft={draft}
              onEdit={edit}
              datasets={datasets}
              fieldsById={fieldsById}
              indicators={indicators}
              readOnly={readOnly}
              placed={placed}
            />
          </Section>
        </div>
        <aside className="builder-side">
          <Section title="预览">
            <PreviewPanel preview={preview} options={previewOptions} onOptions={setOptions} units={units} />
          </Section>
          <Section title="检查">
            <ProblemList check={check} definition={draft} placedAt={placedAt} textError={textError} />
          </Section>
          <Section title="定义文本（YAML）">
            <DefinitionTextView text={text} error={textError} readOnly={readOnly} onChange={editText} />
          </Section>
        </aside>
      </div>
    </div>
  )
}
