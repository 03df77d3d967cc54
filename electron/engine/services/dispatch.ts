import { ZodError } from 'zod'
import { isChannel, parseArgs, type Channel } from '../../../shared/ipc/contract.ts'
import { fail, ok, type Envelope } from '../../../shared/ipc/envelope.ts'
import { EngineError } from '../errors.ts'
import type { EngineContext } from './context.ts'
import { handlers } from './services.ts'

/**
 * The one entry point of every transport: validates the channel name and its argument, runs the
 * service, and wraps the outcome in an envelope. Nothing thrown escapes as an exception.
 */
export async function dispatch(
  ctx: EngineContext,
  channel: string,
  args: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel))
    return fail({ code: 'UNKNOWN_CHANNEL', message: `未知的请求通道「${channel.slice(0, 60)}」。` })
  try {
    const parsed = parseArgs(channel, args)
    const handler = handlers[channel] as (ctx: EngineContext, args: unknown) => unknown
    return ok(await handler(ctx, parsed))
  } catch (error) {
    return fail(toErrorData(channel, error))
  }
}

function toErrorData(channel: Channel, error: unknown) {
  if (error instanceof EngineError) return error.toData()
  if (error instanceof ZodError) {
    const where = error.issues.map((i) => i.path.join('.') || '参数').join('、')
    return { code: 'BAD_ARGUMENT' as const, message: `请求「${channel}」的参数不正确：${where}。` }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL' as const, message: `内部错误（${channel}）：${message}` }
}
