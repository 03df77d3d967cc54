import os from 'node:os'
import path from 'node:path'

/**
 * The default workspace file, in the same place Electron's app.getPath('userData') points to for an
 * app named "yanpan", so the desktop app, browser mode and the CLI share one workspace.
 */
export function defaultWorkspacePath(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.YANPAN_DB) return path.resolve(env.YANPAN_DB)
  const home = os.homedir()
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
  return path.join(appData, 'yanpan', 'workspace.db')
}
