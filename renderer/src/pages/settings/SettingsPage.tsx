/** 设置: what this installation is (version, workspace file, mode) and the audit log. */
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { AuditTable } from './AuditTable.tsx'

const MODE_NAMES = { electron: '桌面版', browser: '浏览器模式（本机服务）', cli: '命令行' } as const

export function SettingsPage() {
  const info = useApiData('app/info', {})
  return (
    <div className="page" data-testid="page-settings">
      <h1 className="page-title">设置</h1>
      <Section title="系统信息">
        <ErrorMessage error={info.error} onRetry={info.reload} />
        {info.data ? (
          <dl className="info-list" data-testid="app-info">
            <dt>版本</dt>
            <dd>{info.data.version}</dd>
            <dt>工作区数据文件</dt>
            <dd className="path">{info.data.dbPath}</dd>
            <dt>运行方式</dt>
            <dd>{MODE_NAMES[info.data.mode] ?? info.data.mode}</dd>
          </dl>
        ) : (
          !info.error && <p className="muted">正在读取…</p>
        )}
        <p className="muted small">所有数据仅保存在本机工作区文件中，不会发送到网络。</p>
      </Section>
      <AuditTable />
    </div>
  )
}
