#!/usr/bin/env node
// The CLI runs the TypeScript engine directly through tsx, so it works right after `npm install`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/engine/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
