/** The 数据质量 toolbar: run the rules, who is reviewing, the checked list, export, new rule. */
import { routeHash } from '../../app/routes.ts'

interface QualityToolbarProps {
  running: boolean
  onRun: () => void
  reviewer: string
  onReviewerChange: (name: string) => void
  onOpenWhitelist: () => void
  onOpenExport: () => void
}

export function QualityToolbar(props: QualityToolbarProps) {
  const { running, reviewer } = props
  return (
    <div className="toolbar quality-toolbar">
      <button
        type="button"
        className="button primary"
        disabled={running}
        onClick={props.onRun}
        data-testid="quality-run"
      >
        {running ? '正在核查…' : '运行核查'}
      </button>
      <label className="reviewer-field">
        <span>复核人</span>
        <input
          className={reviewer.trim() === '' ? 'input small missing' : 'input small'}
          placeholder="填写姓名后可更改状态"
          maxLength={50}
          value={reviewer}
          onChange={(event) => props.onReviewerChange(event.target.value)}
          data-testid="reviewer-input"
        />
      </label>
      <span className="toolbar-spacer" />
      <a className="button" href={routeHash({ page: 'rule', ruleId: null })} data-testid="new-rule">
        新建规则
      </a>
      <button type="button" className="button" onClick={props.onOpenWhitelist} data-testid="whitelist-open">
        已核对清单
      </button>
      <button type="button" className="button" onClick={props.onOpenExport} data-testid="export-flags">
        导出清单
      </button>
    </div>
  )
}
