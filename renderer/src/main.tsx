/** Entry point: styles, the page-wide drop guard, and the React root. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import './styles/base.css'
import './styles/frame.css'
import './styles/widgets.css'
import './styles/pages.css'
import './styles/quality.css'
import './styles/indicators.css'
import './styles/alerts.css'
import './styles/reports.css'

// A file dropped outside the drop zone would otherwise make the window navigate to it (in Electron,
// replacing the whole app with the file). Drop zones handle their own events before this runs.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => event.preventDefault())
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html 缺少 #root 节点')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
