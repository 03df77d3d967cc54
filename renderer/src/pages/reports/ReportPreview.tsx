/**
 * The built report on A4-like sheets in the official look (title in a 宋体-like serif, body in 仿宋,
 * headings in 黑体 and 楷体 through the system's font stacks): title, cover block, headings,
 * paragraphs (editable), tables, charts and the appendix, one sheet per page break.
 */
import type { ReportModel } from '../../../../shared/reports/report-model.ts'
import { applyOverrides } from './overrides.ts'
import type { Overrides } from './overrides.ts'
import { ReportChart } from './ReportChart.tsx'
import { ReportParagraph } from './ReportParagraph.tsx'
import { ReportTable } from './ReportTable.tsx'
import { coverLines, headingDomId, headingText, splitSheets } from './reportView.ts'
import type { PlacedBlock } from './reportView.ts'

interface ReportPreviewProps {
  model: ReportModel
  overrides: Overrides
  editable: boolean
  /** A newer build is on its way: the sheets are dimmed. */
  stale?: boolean
  zoom?: number
  onEdit?: (id: string, text: string, original: string) => void
  onRestore?: (id: string) => void
}

export function ReportPreview({
  model,
  overrides,
  editable,
  stale,
  zoom = 1,
  onEdit,
  onRestore,
}: ReportPreviewProps) {
  const sheets = splitSheets(applyOverrides(model.blocks, overrides))
  const block = ({ block: item, index }: PlacedBlock) => {
    switch (item.kind) {
      case 'heading':
        return (
          <ReportHeading key={index} id={headingDomId(index)} level={item.level} text={headingText(item)} />
        )
      case 'paragraph':
        return (
          <ReportParagraph
            key={item.id}
            block={item}
            editable={editable}
            onEdit={onEdit}
            onRestore={onRestore}
          />
        )
      case 'table':
        return <ReportTable key={item.id} block={item} />
      case 'chart':
        return <ReportChart key={item.id} block={item} />
      case 'pageBreak':
        return null
    }
  }

  return (
    <div
      className={stale ? 'report-preview stale' : 'report-preview'}
      data-testid="report-preview"
      data-template={model.template.id}
      data-unit={model.unit.code}
      data-period={model.period.text}
      data-paragraphs={model.counts.paragraphs}
      data-tables={model.counts.tables}
      data-charts={model.counts.charts}
      aria-busy={stale}
    >
      <div className="report-sheets" style={zoom === 1 ? undefined : { zoom }}>
        {sheets.map((blocks, sheet) => (
          <article
            key={sheet}
            className="report-sheet"
            aria-label={sheets.length > 1 ? `第 ${sheet + 1} 部分` : undefined}
          >
            {sheet === 0 && (
              <header className="report-head">
                <h1 className="report-title" data-testid="report-title">
                  {model.title}
                </h1>
                {model.subtitle && <p className="report-subtitle">{model.subtitle}</p>}
                {model.cover && (
                  <div className="report-cover" data-testid="report-cover">
                    {coverLines(model.cover).map((line) => (
                      <p key={line.label}>
                        {line.label}：{line.value}
                      </p>
                    ))}
                  </div>
                )}
              </header>
            )}
            {blocks.map(block)}
          </article>
        ))}
      </div>
    </div>
  )
}

function ReportHeading({ id, level, text }: { id: string; level: 0 | 1 | 2 | 3 | 4; text: string }) {
  const className = `report-heading level-${level}`
  switch (level) {
    case 0:
    case 1:
      return (
        <h2 id={id} className={className}>
          {text}
        </h2>
      )
    case 2:
      return (
        <h3 id={id} className={className}>
          {text}
        </h3>
      )
    case 3:
      return (
        <h4 id={id} className={className}>
          {text}
        </h4>
      )
    case 4:
      return (
        <h5 id={id} className={className}>
          {text}
        </h5>
      )
  }
}
