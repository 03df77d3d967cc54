/**
 * What each not-yet-built page will offer, so the analyst sees the plan instead of an empty screen.
 * Wording follows the product description in DESIGN.md.
 */
import type { PageId } from '../../app/routes.ts'

export interface PagePlan {
  title: string
  summary: string
  items: string[]
}

export const PAGE_PLANS: Partial<Record<PageId, PagePlan>> = {
  alerts: {
    title: '异常预警',
    summary: '指标异常变动与数据异常的自动发现将在此提供。',
    items: [
      '同比、环比大幅升降的指标自动标出',
      '指标值明显高于或低于同级单位平均水平的提示',
      '应有数据而为空白的单位与时段提示',
      '预警阈值可按指标设置，结果可导出',
    ],
  },
  reports: {
    title: '分析报告',
    summary: '一键生成业务数据分析研判报告与数据质量通报（Word）将在此提供。',
    items: [
      '业务数据分析研判报告：按模板自动生成数据段落、表格与图表',
      '数据质量通报：汇总疑点数量、分布与整改情况',
      '叙述语句按规范成对表述件数与人数，如“同比上升X个百分点”',
      '报告模板可调整，生成后可在 Word / WPS 中继续编辑',
    ],
  },
}
