import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { fakeState, resetFakeElectron } from '../../helpers/fake-electron.ts'

vi.mock('electron', () => import('../../helpers/fake-electron.ts').then((m) => m.electronModule))

const { installMenu, menuTemplate } = await import('../../../electron/main/menu.ts')

const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[]
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.label).map((i) => i.label)

describe('application menu', () => {
  beforeEach(() => resetFakeElectron())

  it('has the Chinese 文件/编辑/视图/帮助 menus with 退出, 复制, 粘贴 and 关于', () => {
    const template = menuTemplate({ isDev: false, showAbout: () => undefined })
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '帮助'])
    expect(submenu(template[0])).toContainEqual({ label: '退出', role: 'quit' })
    expect(submenu(template[1])).toContainEqual({ label: '复制', role: 'copy' })
    expect(submenu(template[1])).toContainEqual({ label: '粘贴', role: 'paste' })
    expect(labels(submenu(template[3]))).toEqual(['关于研判工作台'])
  })

  it('offers 重新加载 and devtools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(menuTemplate({ isDev, showAbout: () => undefined })[2]).map((i) => i.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('关于 calls the about handler, and installMenu sets the application menu', () => {
    const showAbout = vi.fn()
    installMenu({ isDev: false, showAbout })
    const template = fakeState.menu.buildFromTemplate.mock.calls[0][0] as MenuItemConstructorOptions[]
    ;(submenu(template[3])[0].click as () => void)()
    expect(showAbout).toHaveBeenCalledOnce()
    expect(fakeState.menu.setApplicationMenu).toHaveBeenCalledWith({ template })
  })
})
