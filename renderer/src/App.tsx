/** The frame: title bar, left navigation and the current page (chosen by the URL hash). */
import { ErrorBoundary } from './components/ErrorBoundary.tsx'
import { NAV_ITEMS, navPageOf, routeHash } from './app/routes.ts'
import type { PageId, Route } from './app/routes.ts'
import { useRoute } from './app/useRoute.ts'
import { AlertsPage } from './pages/alerts/AlertsPage.tsx'
import { ComingSoonPage } from './pages/coming/ComingSoonPage.tsx'
import { DatasetPage } from './pages/dataset/DatasetPage.tsx'
import { ImportProvider } from './pages/import/ImportContext.tsx'
import { ImportPage } from './pages/import/ImportPage.tsx'
import { ImportStatusChip } from './pages/import/ImportStatusChip.tsx'
import { IndicatorBuilderPage } from './pages/indicators/builder/IndicatorBuilderPage.tsx'
import { IndicatorsPage } from './pages/indicators/IndicatorsPage.tsx'
import { DemoOffer } from './pages/welcome/DemoOffer.tsx'
import { RuleEditorPage } from './pages/quality/editor/RuleEditorPage.tsx'
import { QualityPage } from './pages/quality/QualityPage.tsx'
import { ReportsPage } from './pages/reports/ReportsPage.tsx'
import { TemplateEditorPage } from './pages/reports/editor/TemplateEditorPage.tsx'
import { SettingsPage } from './pages/settings/SettingsPage.tsx'

export function App() {
  const route = useRoute()
  const active = navPageOf(route)
  return (
    <ImportProvider>
      <div className="app">
        <header className="title-bar">
          <span className="title-mark" aria-hidden="true">
            研
          </span>
          <h1>研判工作台</h1>
          <span className="title-sub">检察业务数据研判 · 离线版</span>
          <ImportStatusChip onImportPage={active === 'import'} />
        </header>
        <div className="app-body">
          <nav className="side-nav" aria-label="主导航">
            {NAV_ITEMS.map((item) => (
              <a
                key={item.page}
                href={routeHash({ page: item.page })}
                className={item.page === active ? 'nav-item active' : 'nav-item'}
                aria-current={item.page === active ? 'page' : undefined}
                data-testid={`nav-${item.page}`}
              >
                {item.label}
              </a>
            ))}
          </nav>
          <main className="content">
            <ErrorBoundary resetKey={routeHash(route)}>
              <Page route={route} />
            </ErrorBoundary>
          </main>
        </div>
        <DemoOffer />
      </div>
    </ImportProvider>
  )
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'import':
      return <ImportPage />
    case 'dataset':
      // Keyed so switching datasets starts a fresh grid (columns, cache, filters).
      return <DatasetPage key={route.datasetId} datasetId={route.datasetId} />
    case 'quality':
      return <QualityPage />
    case 'rule':
      // Keyed so opening another rule starts a fresh draft.
      return <RuleEditorPage key={route.ruleId ?? 'new'} ruleId={route.ruleId} />
    case 'indicators':
      return <IndicatorsPage />
    case 'indicator':
      // Keyed so opening another indicator starts a fresh draft.
      return <IndicatorBuilderPage key={route.indicatorId ?? 'new'} indicatorId={route.indicatorId} />
    case 'reports':
      return <ReportsPage />
    case 'reportTemplate':
      // Keyed so opening another template starts a fresh draft.
      return <TemplateEditorPage key={route.templateId ?? 'new'} templateId={route.templateId} />
    case 'alerts':
      return <AlertsPage />
    case 'settings':
      return <SettingsPage />
    default:
      // Every page is routed above; a page added to NAV_ITEMS before its component shows its plan.
      return <ComingSoonPage page={(route as { page: PageId }).page} />
  }
}
