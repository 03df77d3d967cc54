/**
 * One section of the template (numbered 一、（一）1. as the report will be): its heading, id, whether it
 * repeats for each subordinate unit, its blocks and its subsections, with ↑ ↓ 删除 and 添加.
 */
import { useContext, useState } from 'react'
import type { IndicatorSummary } from '../../../../../shared/ipc/indicator-contract.ts'
import { headingNumber } from '../../../../../shared/reports/numbers.ts'
import {
  BLOCK_TYPE_NAMES,
  type Block,
  type BlockType,
  type Section,
} from '../../../../../shared/reports/template.ts'
import { BlockEditor } from './BlockEditor.tsx'
import { CheckField, TextField } from './Controls.tsx'
import { FieldProblems, ProblemsContext, ReadOnlyContext } from './ProblemsContext.tsx'
import { MAX_SECTION_DEPTH, sectionPathText } from './templateDraft.ts'
import type { SectionPath } from './templateDraft.ts'
import { controlId, problemsBelow } from './templateProblems.ts'

export interface SectionActions {
  editSection: (path: SectionPath, edit: (section: Section) => Section) => void
  moveSection: (path: SectionPath, delta: number) => void
  removeSection: (path: SectionPath) => void
  addSubsection: (path: SectionPath) => void
  changeBlock: (path: SectionPath, index: number, before: Block, after: Block) => void
  addBlock: (path: SectionPath, type: BlockType) => void
  moveBlock: (path: SectionPath, index: number, delta: number) => void
  removeBlock: (path: SectionPath, index: number) => void
  toggleBlock: (key: string) => void
}

interface SectionEditorProps {
  section: Section
  path: SectionPath
  siblings: number
  indicators: readonly IndicatorSummary[]
  open: ReadonlySet<string>
  actions: SectionActions
}

const TYPES = Object.keys(BLOCK_TYPE_NAMES) as BlockType[]

/** The key a block's open/closed state is kept under. */
export const blockKey = (block: Block, path: string): string => block.id ?? path

export function SectionEditor({ section, path, siblings, indicators, open, actions }: SectionEditorProps) {
  const placed = useContext(ProblemsContext)
  const readOnly = useContext(ReadOnlyContext)
  const [type, setType] = useState<BlockType>('narrative')
  const depth = path.length
  const index = path[path.length - 1]
  const base = sectionPathText(path)
  const subsections = section.sections ?? []

  return (
    <li className={`tpl-section depth-${depth}`} data-testid={`template-section-${section.id}`}>
      <fieldset className="tpl-fieldset tpl-section-header" disabled={readOnly}>
        <span className="tpl-section-number">{headingNumber(depth, index + 1)}</span>
        <input
          id={controlId(`${base}.heading`)}
          className="input small tpl-heading-input"
          value={section.heading}
          onChange={(event) => actions.editSection(path, (s) => ({ ...s, heading: event.target.value }))}
          aria-label="部分标题"
          data-testid="section-heading"
        />
        {!readOnly && (
          <span className="tpl-block-actions">
            <button
              type="button"
              className="icon-button"
              title="上移"
              aria-label="上移部分"
              disabled={index === 0}
              onClick={() => actions.moveSection(path, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              title="下移"
              aria-label="下移部分"
              disabled={index === siblings - 1}
              onClick={() => actions.moveSection(path, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button danger"
              title="删除此部分（含其中全部内容）"
              aria-label="删除部分"
              onClick={() => actions.removeSection(path)}
              data-testid="section-remove"
            >
              ×
            </button>
          </span>
        )}
      </fieldset>
      <FieldProblems path={base} />
      <FieldProblems path={`${base}.heading`} />
      <fieldset className="tpl-fieldset tpl-section-options" disabled={readOnly}>
        <TextField
          label="编号"
          path={`${base}.id`}
          value={section.id}
          onChange={(id) => actions.editSection(path, (s) => ({ ...s, id }))}
        />
        <CheckField
          label="逐一重复"
          path={`${base}.repeat`}
          checked={section.repeat === 'children'}
          onChange={(checked) =>
            actions.editSection(path, (s) => {
              const { repeat: _repeat, ...rest } = s
              return checked ? { ...rest, repeat: 'children' } : rest
            })
          }
          text="对报告单位的每个下级单位各写一遍（内容按该单位计算）"
        />
      </fieldset>
      <FieldProblems path={`${base}.blocks`} />
      {section.blocks.length > 0 && (
        <ol className="tpl-blocks">
          {section.blocks.map((block, i) => {
            const blockPath = `${base}.blocks.${i}`
            const key = blockKey(block, blockPath)
            return (
              <BlockEditor
                key={`${i}-${block.type}`}
                block={block}
                path={blockPath}
                indicators={indicators}
                open={open.has(key)}
                problemCount={problemsBelow(placed, blockPath)}
                isFirst={i === 0}
                isLast={i === section.blocks.length - 1}
                onToggle={() => actions.toggleBlock(key)}
                onChange={(next) => actions.changeBlock(path, i, block, next)}
                onMove={(delta) => actions.moveBlock(path, i, delta)}
                onRemove={() => actions.removeBlock(path, i)}
              />
            )
          })}
        </ol>
      )}
      {!readOnly && (
        <div className="tpl-add-block">
          <select
            className="select small"
            value={type}
            onChange={(event) => setType(event.target.value as BlockType)}
            aria-label="块类型"
            data-testid="add-block-type"
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {BLOCK_TYPE_NAMES[t]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button small"
            onClick={() => actions.addBlock(path, type)}
            data-testid="add-block"
          >
            ＋ 添加块
          </button>
          {depth < MAX_SECTION_DEPTH && (
            <button
              type="button"
              className="button link small"
              onClick={() => actions.addSubsection(path)}
              data-testid="add-subsection"
            >
              ＋ 添加下级部分
            </button>
          )}
        </div>
      )}
      {subsections.length > 0 && (
        <ol className="tpl-sections">
          {subsections.map((child, i) => (
            <SectionEditor
              key={i}
              section={child}
              path={[...path, i]}
              siblings={subsections.length}
              indicators={indicators}
              open={open}
              actions={actions}
            />
          ))}
        </ol>
      )}
    </li>
  )
}
