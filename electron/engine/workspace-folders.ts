import path from 'node:path'

/**
 * Folders that belong to a workspace file live next to it: `<name>-files/exports`, `<name>-files/uploads`.
 * Kept free of the database so Electron's main process can use it without loading better-sqlite3.
 */
export function workspaceFolders(dbPath: string): { exportDir: string; uploadDir: string } {
  const base =
    dbPath === ':memory:' ? path.join(process.cwd(), 'memory-workspace') : dbPath.replace(/\.[^./\\]*$/, '')
  return {
    exportDir: path.join(`${base}-files`, 'exports'),
    uploadDir: path.join(`${base}-files`, 'uploads'),
  }
}
