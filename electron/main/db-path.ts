/**
 * Which workspace database to open: `--db <path>` (or `--db=<path>`) on the command line, else the
 * YANPAN_DB environment variable, else workspace.db in Electron's per-user data directory.
 */
import path from 'node:path'

export function resolveDbPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  const fromArgs = dbArgument(argv)
  if (fromArgs) return path.resolve(fromArgs)
  const fromEnv = env.YANPAN_DB?.trim()
  if (fromEnv) return path.resolve(fromEnv)
  return path.join(userDataDir, 'workspace.db')
}

function dbArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--db') return nonEmpty(argv[i + 1])
    if (arg.startsWith('--db=')) return nonEmpty(arg.slice('--db='.length))
  }
  return undefined
}

// `--db` followed by another switch (or nothing) is a mistake, not a file called "--foo".
const nonEmpty = (value: string | undefined): string | undefined =>
  value && !value.startsWith('--') ? value : undefined
