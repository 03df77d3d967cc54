/**
 * Handles one engine call arriving over IPC: known channel, desktop-only argument rules, then the
 * engine host (which validates the arguments against the contract's zod schema). Always answers
 * with an envelope; a crashed engine becomes an INTERNAL error the UI can show, never a rejection.
 */
import path from 'node:path'
import { z } from 'zod'
import { isChannel } from '../../shared/ipc/contract.ts'
import { fail } from '../../shared/ipc/envelope.ts'
import type { Envelope } from '../../shared/ipc/envelope.ts'
import type { EngineHost } from '../engine/host/types.ts'

/**
 * In the desktop app files are always local paths (from the open dialog or a drop). `upload` refs
 * belong to the browser bridge; accepting them here would let the renderer name files in the
 * bridge's upload directory. Relative paths would resolve against an arbitrary working directory.
 */
const desktopImportArgs = z.object({
  files: z
    .array(
      z.strictObject({
        path: z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => path.isAbsolute(p)),
      }),
    )
    .min(1)
    .max(50),
})

export async function handleInvoke(
  host: Pick<EngineHost, 'call'>,
  channel: unknown,
  args: unknown,
): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: '未知的请求通道' })
  }
  let callArgs = args
  if (channel === 'dataset/import') {
    const parsed = desktopImportArgs.safeParse(args)
    if (!parsed.success) {
      return fail({ code: 'BAD_ARGUMENT', message: '导入文件必须是本机文件的完整路径' })
    }
    callArgs = parsed.data
  }
  try {
    return await host.call(channel, callArgs)
  } catch (error) {
    console.error('[yanpan] engine call failed', channel, error)
    return fail({ code: 'INTERNAL', message: '分析引擎出现故障，请重新启动研判工作台' })
  }
}
