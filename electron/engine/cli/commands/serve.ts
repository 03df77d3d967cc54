import { createWorkerHost } from '../../host/worker-host.ts'
import { projectRoot } from '../../project-root.ts'
import { ensureRendererBuilt } from '../../server/renderer-build.ts'
import { startBridge } from '../../server/http-bridge.ts'
import type { CliIo, CliOptions } from '../io.ts'

/** `yanpan serve [--port N]`: browser mode, until Ctrl-C. */
export async function serveCommand(options: CliOptions, io: CliIo): Promise<number> {
  const port = options.port === undefined ? 5199 : Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`端口「${options.port}」无效。`)
    return 2
  }
  const rendererDir = await ensureRendererBuilt(projectRoot(), io.err)
  const host = await createWorkerHost({ dbPath: options.db, mode: 'browser', offerDemo: options.offerDemo })
  let bridge
  try {
    bridge = await startBridge({ host, rendererDir, port })
  } catch (error) {
    await host.close()
    const inUse = (error as { code?: string }).code === 'EADDRINUSE'
    io.err(
      inUse
        ? `端口 ${port} 已被占用，请用 --port 指定其他端口（--port 0 自动选择）。`
        : `启动失败：${String(error)}`,
    )
    return 1
  }
  io.out(`研判工作台（浏览器模式）已启动：${bridge.url}`)
  io.out(`工作区：${options.db}`)
  io.out('按 Ctrl-C 退出。')
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await bridge.close()
  await host.close()
  return 0
}
