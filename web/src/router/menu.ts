// The side menu, by role. Only pages that exist are listed: later capabilities (计划月报,
// 预警督办, 领导驾驶舱) add their entries here together with their routes.
import type { Component } from 'vue'
import { DataAnalysis, Files, Flag, FolderOpened, HomeFilled, List, OfficeBuilding, School, Setting, Tickets, User } from '@element-plus/icons-vue'
import { EditPen, Histogram, TrendCharts } from '@element-plus/icons-vue'
import { Monitor } from '@element-plus/icons-vue'
import { AlarmClock, Bell, DocumentChecked, Operation } from '@element-plus/icons-vue'
import { Promotion } from '@element-plus/icons-vue'
import type { Role } from '@/api/auth'

export interface MenuItem {
  path: string
  title: string // i18n key
  icon: Component
  roles?: Role[] // who sees it; everyone when absent
  children?: MenuItem[]
}

// The campaign's rosters and figures are region-wide lists for the zone's own staff.
export const CAMPAIGN_READERS: Role[] = ['admin', 'office', 'unit', 'leader', 'viewer']

// 计划月报: who files monthly reports, and who reads the zone's investment progress.
export const REPORT_FILERS: Role[] = ['office', 'unit', 'enterprise']
export const PROGRESS_READERS: Role[] = ['admin', 'office', 'unit', 'leader', 'viewer']

// 预警督办, mirroring the server's permissions: read (every internal role), handle (acknowledge, assign, reply
// to a 督办单), supervise (return a reply, sign an order off), manage the rules and run the sweep. Assigning
// needs the user list, which only the office and administrators may read.
export const WARNING_READERS: Role[] = ['admin', 'office', 'unit', 'leader', 'viewer']
export const WARNING_HANDLERS: Role[] = ['admin', 'office', 'unit']
export const WARNING_SUPERVISORS: Role[] = ['admin', 'office', 'leader']
export const WARNING_RULE_MANAGERS: Role[] = ['admin', 'office']
export const WARNING_ASSIGNERS: Role[] = ['admin', 'office']

export const MENU: MenuItem[] = [
  { path: '/home', title: 'menu.home', icon: HomeFilled },
  { path: '/dashboard', title: 'dashboard.menu', icon: Monitor, roles: CAMPAIGN_READERS },
  {
    path: '/projects',
    title: 'menu.projects',
    icon: FolderOpened,
    children: [{ path: '/project', title: 'menu.ledger', icon: Tickets }],
  },
  {
    path: '/campaign',
    title: 'menu.campaign',
    icon: Flag,
    roles: CAMPAIGN_READERS,
    children: [
      { path: '/campaign/roster', title: 'menu.rosters', icon: List, roles: CAMPAIGN_READERS },
      { path: '/campaign/statistics', title: 'menu.statistics', icon: DataAnalysis, roles: CAMPAIGN_READERS },
    ],
  },
  {
    path: '/progress',
    title: 'progress.menu',
    icon: TrendCharts,
    roles: [...new Set([...REPORT_FILERS, ...PROGRESS_READERS])],
    children: [
      { path: '/progress/entry', title: 'entry.title', icon: EditPen, roles: REPORT_FILERS },
      { path: '/progress/overview', title: 'progress.title', icon: Histogram, roles: PROGRESS_READERS },
    ],
  },
  {
    path: '/warning',
    title: 'warning.menu',
    icon: Bell,
    roles: WARNING_READERS,
    children: [
      { path: '/warnings', title: 'warning.centre', icon: AlarmClock, roles: WARNING_READERS },
      { path: '/warnings/orders', title: 'supervision.title', icon: DocumentChecked, roles: WARNING_READERS },
      { path: '/warnings/rules', title: 'warningRules.title', icon: Operation, roles: WARNING_READERS },
      { path: '/warnings/notifications', title: 'notification.menu', icon: Promotion, roles: WARNING_RULE_MANAGERS },
    ],
  },
  {
    path: '/basic',
    title: 'menu.basic',
    icon: Files,
    children: [
      {
        path: '/enterprise',
        title: 'menu.enterprise',
        icon: OfficeBuilding,
        roles: ['admin', 'office', 'unit', 'leader', 'viewer', 'enterprise'],
      },
    ],
  },
  {
    path: '/system',
    title: 'menu.system',
    icon: Setting,
    roles: ['admin', 'office'],
    children: [
      { path: '/system/org-unit', title: 'menu.orgUnit', icon: School, roles: ['admin', 'office'] },
      { path: '/system/user', title: 'menu.user', icon: User, roles: ['admin'] },
    ],
  },
]

function allowed(item: MenuItem, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((r) => roles.includes(r))
}

// The menu as this person sees it: groups left without entries disappear.
export function menuFor(roles: readonly Role[]): MenuItem[] {
  const visible: MenuItem[] = []
  for (const item of MENU) {
    if (!allowed(item, roles)) continue
    if (item.children) {
      const children = item.children.filter((child) => allowed(child, roles))
      if (children.length) visible.push({ ...item, children })
    } else {
      visible.push(item)
    }
  }
  return visible
}
