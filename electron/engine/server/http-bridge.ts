import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { TOKEN_HEADER, TOKEN_META } from '../../../shared/ipc/api.ts'
import { fail, ok, type Envelope } from '../../../shared/ipc/envelope.ts'
import { EXPORT_FILE } from '../../../shared/ipc/export-file.ts'
import { workspaceFolders } from '../workspace-folders.ts'
import type { EngineHost } from '../host/types.ts'
import { contentType, resolveStatic } from './static-files.ts'

/** Same policy as the Electron window: the page may talk to its own origin only. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
const MAX_JSON = 4 << 20
const MAX_UPLOAD = 8 * 1024 ** 3

export interface BridgeOptions {
  host: EngineHost
  rendererDir: string
  port?: number
}

export interface Bridge {
  url: string
  token: string
  close(): Promise<void>
}

/**
 * Browser mode: serves the renderer on 127.0.0.1 and maps `POST /api/<channel>` onto the same engine
 * host the Electron window uses. Loopback only; every API call needs the per-run token the served
 * page carries, and Host/Origin must be our own, so other web pages cannot drive the engine.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex')
  const { uploadDir } = workspaceFolders(options.host.dbPath)
  const events = new Set<http.ServerResponse>()
  const unsubscribe = options.host.onEvent((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of events) res.write(frame)
  })
  let origin = ''

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, fail({ code: 'INTERNAL', message: `内部错误：${String(error)}` }))
      else res.end()
    })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const hostHeader = req.headers.host ?? ''
    if (hostHeader !== url.host && hostHeader !== url.host.replace('127.0.0.1', 'localhost')) {
      res.writeHead(421).end()
      return
    }
    if (!url.pathname.startsWith('/api/')) return serveStatic(url.pathname, res)
    const given = req.headers[TOKEN_HEADER] ?? url.searchParams.get('token')
    const sameOrigin =
      !req.headers.origin ||
      req.headers.origin === origin ||
      req.headers.origin === origin.replace('127.0.0.1', 'localhost')
    if (given !== token || !sameOrigin) {
      sendJson(res, 403, fail({ code: 'BAD_ARGUMENT', message: '请求未授权：请从研判工作台页面访问。' }))
      return
    }
    if (req.method === 'GET' && url.pathname === '/api/events') return openEvents(res)
    if (req.method === 'GET' && url.pathname.startsWith('/api/download/')) return download(url, res)
    if (req.method !== 'POST') {
      res.writeHead(405).end()
      return
    }
    if (url.pathname === '/api/upload') return upload(req, url, res)
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
    const body = await readJson(req)
    if (!body.ok) return sendJson(res, 400, body)
    const args = body.value as { files?: unknown[] } | null
    // The browser has no file paths: it may only import what it uploaded through /api/upload.
    if (
      channel === 'dataset/import' &&
      args?.files?.some((f) => typeof f === 'object' && f !== null && 'path' in f)
    ) {
      return sendJson(res, 400, fail({ code: 'BAD_ARGUMENT', message: '浏览器模式下只能导入上传的文件。' }))
    }
    sendJson(res, 200, await options.host.call(channel, body.value))
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const file = resolveStatic(path.resolve(options.rendererDir), pathname)
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到')
      return
    }
    const headers = {
      'content-type': contentType(file),
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    }
    if (file.endsWith('index.html')) {
      const html = fs
        .readFileSync(file, 'utf8')
        .replace('</head>', `<meta name="${TOKEN_META}" content="${token}"></head>`)
      res.writeHead(200, headers).end(html)
      return
    }
    res.writeHead(200, headers)
    fs.createReadStream(file).pipe(res)
  }

  function openEvents(res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    events.add(res)
    res.on('close', () => events.delete(res))
  }

  async function upload(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    const name = path.basename(url.searchParams.get('name') ?? '').slice(0, 255)
    if (!name) return sendJson(res, 400, fail({ code: 'BAD_ARGUMENT', message: '上传缺少文件名。' }))
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_UPLOAD)
      return sendJson(
        res,
        413,
        fail({ code: 'TOO_LARGE', message: `文件「${name}」超过 8 GB，无法导入。`, file: name }),
      )
    fs.mkdirSync(uploadDir, { recursive: true })
    const id = randomBytes(16).toString('hex')
    const target = path.join(uploadDir, id)
    try {
      await pipeline(req, fs.createWriteStream(target))
    } catch (error) {
      fs.rmSync(target, { force: true })
      const full = (error as { code?: string }).code === 'ENOSPC'
      return sendJson(
        res,
        500,
        fail({
          code: full ? 'DISK_FULL' : 'IMPORT_FAILED',
          message: full ? `上传「${name}」时磁盘空间不足。` : `上传「${name}」失败，请重试。`,
          file: name,
        }),
      )
    }
    sendJson(res, 200, ok({ upload: id, name }))
  }

  function download(url: URL, res: http.ServerResponse): void {
    const file = decodeURIComponent(url.pathname.slice('/api/download/'.length))
    const full = path.join(options.host.exportDir, file)
    if (!EXPORT_FILE.test(file) || !fs.existsSync(full)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('导出文件不存在')
      return
    }
    const name = (url.searchParams.get('name') ?? file).replace(/[\\/:*?"<>|\r\n]/g, '_')
    res.writeHead(200, {
      'content-type': contentType(full),
      'content-disposition': `attachment; filename="export${path.extname(file)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    })
    fs.createReadStream(full).pipe(res)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const address = server.address() as { port: number }
  origin = `http://127.0.0.1:${address.port}`
  return {
    url: `${origin}/`,
    token,
    async close() {
      unsubscribe()
      for (const res of events) res.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Ctrl-C means stop now: a keep-alive socket or a request still waiting for the engine must not
      // keep the server (and the test or terminal that started it) waiting.
      server.closeAllConnections()
      await closed
    },
  }
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readJson(req: http.IncomingMessage): Promise<Envelope<unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON) return fail({ code: 'TOO_LARGE', message: '请求过大。' })
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return ok({})
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    return fail({ code: 'BAD_ARGUMENT', message: '请求内容不是有效的 JSON。' })
  }
}
