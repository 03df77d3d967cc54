/**
 * 指标目录: search (name, tags, pinyin initials: bbl → 不捕率), tag chips, indicators grouped by theme.
 * The checkbox puts an indicator into the matrix; clicking its name focuses it (charts, detail).
 */
import { useMemo, useState } from 'react'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'
import { CatalogueItem } from './CatalogueItem.tsx'
import { allTags, filterCatalogue, groupByTheme, toggleTag } from './catalogueSearch.ts'

interface IndicatorCatalogueProps {
  indicators: readonly IndicatorSummary[]
  columns: readonly string[]
  focus: string | null
  onToggleColumn: (id: string) => void
  onFocus: (id: string) => void
  onSetDirection: (id: string, direction: Direction | null) => void
  /** The indicator whose direction is being saved. */
  savingDirection: string | null
  onDelete: (indicator: IndicatorSummary) => void
}

/** Tags shown before 更多. */
const TAG_LIMIT = 12

export function IndicatorCatalogue(props: IndicatorCatalogueProps) {
  const { indicators } = props
  const [query, setQuery] = useState('')
  const [tags, setTags] = useState<string[]>([])
  const [allShown, setAllShown] = useState(false)
  const tagList = useMemo(() => allTags(indicators), [indicators])
  const shown = useMemo(() => filterCatalogue(indicators, query, tags), [indicators, query, tags])
  const groups = groupByTheme(shown)
  const visibleTags = allShown ? tagList : tagList.slice(0, TAG_LIMIT)

  return (
    <aside className="indicator-catalogue" aria-label="指标目录" data-testid="indicator-catalogue">
      <div className="catalogue-tools">
        <input
          type="search"
          className="input small"
          placeholder="搜索指标：名称、标签或拼音首字母（如 bbl）"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="indicator-search"
        />
        {tagList.length > 0 && (
          <div className="tag-chips" role="group" aria-label="按标签筛选">
            {visibleTags.map((tag) => (
              <button
                key={tag}
                type="button"
                className={tags.includes(tag) ? 'chip on' : 'chip'}
                aria-pressed={tags.includes(tag)}
                onClick={() => setTags(toggleTag(tags, tag))}
                data-testid={`tag-${tag}`}
              >
                {tag}
              </button>
            ))}
            {tagList.length > TAG_LIMIT && (
              <button type="button" className="button link small" onClick={() => setAllShown(!allShown)}>
                {allShown ? '收起' : `更多（${tagList.length - TAG_LIMIT}）`}
              </button>
            )}
          </div>
        )}
        <div className="catalogue-count muted small">
          {shown.length === indicators.length
            ? `共 ${indicators.length} 个指标，已选 ${props.columns.length} 个`
            : `找到 ${shown.length} / ${indicators.length} 个指标`}
        </div>
      </div>
      <div className="catalogue-list" data-testid="indicator-list">
        {groups.length === 0 && <p className="muted small empty-note">没有符合条件的指标。</p>}
        {groups.map((group) => (
          <section key={group.theme} className="theme-group">
            <h3 className="theme-title">
              {group.theme}
              <span className="muted small">{group.items.length}</span>
            </h3>
            <ul>
              {group.items.map((indicator) => (
                <CatalogueItem
                  key={indicator.id}
                  indicator={indicator}
                  inMatrix={props.columns.includes(indicator.id)}
                  focused={props.focus === indicator.id}
                  onToggle={() => props.onToggleColumn(indicator.id)}
                  onFocus={() => props.onFocus(indicator.id)}
                  onSetDirection={(direction) => props.onSetDirection(indicator.id, direction)}
                  savingDirection={props.savingDirection === indicator.id}
                  onDelete={() => props.onDelete(indicator)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  )
}
