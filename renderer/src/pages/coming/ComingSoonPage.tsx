/** A page for a feature still being built: says concretely what will be here. */
import type { PageId } from '../../app/routes.ts'
import { PAGE_PLANS } from './plans.ts'

export function ComingSoonPage({ page }: { page: PageId }) {
  const plan = PAGE_PLANS[page]
  if (!plan) return null
  return (
    <div className="page" data-testid={`page-${page}`}>
      <h1 className="page-title">{plan.title}</h1>
      <div className="coming-soon">
        <p className="coming-summary">{plan.summary}</p>
        <p className="muted">本功能正在开发中，计划包括：</p>
        <ul className="plan-list">
          {plan.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </div>
  )
}
