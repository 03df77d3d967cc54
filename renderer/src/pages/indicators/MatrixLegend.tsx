/** What the matrix's colours and marks mean. */
export function MatrixLegend({ withClean }: { withClean: boolean }) {
  return (
    <div className="matrix-legend muted small" aria-label="图例">
      <span>
        <i className="swatch tone-good" aria-hidden="true" />
        优于同级平均
      </span>
      <span>
        <i className="swatch tone-bad" aria-hidden="true" />
        劣于同级平均
      </span>
      <span>
        <i className="swatch tone-range" aria-hidden="true" />
        偏离同级平均（区间指标）
      </span>
      <span>颜色越深偏离越大</span>
      <span>* 期间超出数据覆盖范围</span>
      <span>— 无法计算（分母为零或缺少数据）</span>
      {withClean && <span>⚠ 存疑数据对数值的影响超过阈值</span>}
      <span>点击数值查看构成记录</span>
    </div>
  )
}
