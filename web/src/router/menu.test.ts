import { describe, expect, it } from 'vitest'
import { menuFor } from './menu'

const paths = (roles: Parameters<typeof menuFor>[0]) =>
  menuFor(roles).flatMap((item) => (item.children ? item.children.map((c) => c.path) : [item.path]))

describe('menuFor', () => {
  it('gives the administrator units, users and enterprises', () => {
    expect(paths(['admin'])).toEqual([
      '/home', '/dashboard', '/project', '/campaign/roster', '/campaign/statistics', '/progress/overview', '/warnings', '/warnings/orders',
      '/warnings/rules', '/warnings/notifications', '/enterprise', '/system/org-unit',
      '/system/user',
    ])
  })

  it('gives the project office units (read-only page) and enterprises, not users', () => {
    expect(paths(['office'])).toEqual([
      '/home', '/dashboard', '/project', '/campaign/roster', '/campaign/statistics', '/progress/entry', '/progress/overview', '/warnings', '/warnings/orders',
      '/warnings/rules', '/warnings/notifications', '/enterprise',
      '/system/org-unit',
    ])
  })

  it('gives the other roles no system menu at all', () => {
    expect(paths(['unit'])).toEqual([
      '/home', '/dashboard', '/project', '/campaign/roster', '/campaign/statistics', '/progress/entry', '/progress/overview', '/warnings', '/warnings/orders',
      '/warnings/rules', '/enterprise',
    ])
    for (const role of ['leader', 'viewer'] as const) {
      expect(paths([role])).toEqual(['/home', '/dashboard', '/project', '/campaign/roster', '/campaign/statistics', '/progress/overview', '/warnings', '/warnings/orders',
      '/warnings/rules', '/enterprise'])
    }
    for (const role of ['unit', 'leader', 'viewer'] as const) {
      expect(menuFor([role]).some((m) => m.path === '/system')).toBe(false)
    }
  })

  it('gives an enterprise contact its projects but not the campaign rosters', () => {
    expect(paths(['enterprise'])).toEqual(['/home', '/project', '/progress/entry', '/enterprise'])
    expect(menuFor(['enterprise']).some((m) => m.path === '/warning')).toBe(false)
  })
})
