/**
 * First start on an empty workspace (npm start, the desktop app): offer the demo province, and
 * create it by default after a short countdown, so a newcomer sees a full workbench at once.
 */
import { useEffect, useState } from 'react'
import type { EngineEvents, ImportResult } from '../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { getApi } from '../../api/getApi.ts'
import { useApiData } from '../../api/useApiData.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { formatCount } from '../../format/numbers.ts'
import { useImportContext } from '../import/ImportContext.tsx'
import { demoProgressText } from './demoProgressText.ts'

const COUNTDOWN_SECONDS = 10
const DEMO_PERSONS = 20_000

type Stage = 'asking' | 'running' | 'done' | 'closed'

export function DemoOffer() {
  const info = useApiData('app/info', {})
  const [stage, setStage] = useState<Stage>('asking')
  const [seconds, setSeconds] = useState(COUNTDOWN_SECONDS)
  const [progress, setProgress] = useState<EngineEvents['demo/progress'] | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const { refresh } = useImportContext()
  const offered = info.data?.offerDemo === true

  const start = async () => {
    setStage('running')
    setError(null)
    try {
      await call('app/demoOffered', {})
      setResult(await call('demo/create', { persons: DEMO_PERSONS }))
      setStage('done')
    } catch (caught) {
      setError(toErrorData(caught))
      setStage('done')
    } finally {
      refresh()
    }
  }

  const skip = () => {
    setStage('closed')
    void call('app/demoOffered', {}).catch(() => undefined)
  }

  useEffect(() => getApi().on('demo/progress', setProgress), [])

  // The countdown: creating the demo is what a newcomer wants, unless they say otherwise.
  useEffect(() => {
    if (!offered || stage !== 'asking') return
    const timer = window.setTimeout(() => (seconds <= 1 ? void start() : setSeconds(seconds - 1)), 1000)
    return () => window.clearTimeout(timer)
    // start is recreated each render; the countdown only depends on these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offered, stage, seconds])

  if (!offered || stage === 'closed') return null
  const view = demoProgressText(progress)
  const rows = result?.imports.reduce((sum, r) => sum + r.rows, 0) ?? 0

  return (
    <Dialog
      title="欢迎使用研判工作台"
      onClose={stage === 'running' ? () => undefined : skip}
      testId="demo-offer"
    >
      {stage === 'asking' && (
        <>
          <p>当前工作区还没有数据。可以先生成一份演示数据熟悉各项功能：</p>
          <ul>
            <li>江苏省人民检察院、13 个市院及各基层院（按行政区划代码）；</li>
            <li>
              约 {formatCount(DEMO_PERSONS)} 名犯罪嫌疑人的审查逮捕（010101）与一审公诉（020101）案卡导出；
            </li>
            <li>全部为虚构数据，并有意包含少量填录错误和异常波动，便于体验核查与预警。</li>
          </ul>
          <p className="muted">演示数据可随时在“数据导入”中删除，不影响之后导入的真实数据。</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={skip} data-testid="demo-skip">
              不用了，导入自己的数据
            </button>
            <button
              type="button"
              className="button primary"
              autoFocus
              onClick={() => void start()}
              data-testid="demo-start"
            >
              生成演示数据（{seconds} 秒后自动开始）
            </button>
          </div>
        </>
      )}
      {stage === 'running' && (
        <div data-testid="demo-progress">
          <p>{view.text}</p>
          <ProgressBar percent={view.percent} />
        </div>
      )}
      {stage === 'done' && (
        <>
          <ErrorMessage error={error} />
          {result && (
            <p data-testid="demo-done">
              演示数据已生成并导入：{result.imports.length} 个文件，共 {formatCount(rows)} 行。
            </p>
          )}
          <div className="dialog-actions">
            <a
              className="button primary"
              href="#/import"
              onClick={() => setStage('closed')}
              data-testid="demo-close"
            >
              开始使用
            </a>
          </div>
        </>
      )}
    </Dialog>
  )
}
