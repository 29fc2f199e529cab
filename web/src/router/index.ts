import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/auth'
import { useUserStore } from '@/store/user'
import { CAMPAIGN_READERS, PROGRESS_READERS, REPORT_FILERS, WARNING_READERS, WARNING_RULE_MANAGERS } from './menu'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string // i18n key
    roles?: Role[] // who may open it; everyone signed in when absent
    public?: boolean // no sign-in needed
    parent?: { path: string; title: string } // a breadcrumb step between home and this page
  }
}

// Every view is loaded on demand so the login page ships without the admin pages.
const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'Login',
    component: () => import('@/views/login/index.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    // 督办单 on its own sheet, without the layout, for window.print().
    path: '/warnings/orders/:id(\\d+)/print',
    name: 'SupervisionOrderPrint',
    component: () => import('@/views/warning/OrderPrint.vue'),
    meta: { title: 'supervision.printView', roles: WARNING_READERS },
  },
  {
    // 挂图作战: a wall screen of its own, outside the side-menu layout.
    path: '/dashboard',
    name: 'Dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { title: 'dashboard.menu', roles: CAMPAIGN_READERS },
  },
  {
    path: '/',
    component: () => import('@/layout/index.vue'),
    redirect: '/home',
    children: [
      { path: 'home', name: 'Home', component: () => import('@/views/home/index.vue'), meta: { title: 'menu.home' } },
      {
        path: 'project',
        name: 'ProjectLedger',
        component: () => import('@/views/project/index.vue'),
        meta: { title: 'menu.ledger' },
      },
      {
        path: 'project/:id(\\d+)',
        name: 'ProjectDetail',
        component: () => import('@/views/project/detail.vue'),
        meta: { title: 'menu.projectDetail', parent: { path: '/project', title: 'menu.ledger' } },
      },
      {
        path: 'campaign/roster',
        name: 'CampaignRoster',
        component: () => import('@/views/campaign/index.vue'),
        meta: { title: 'menu.rosters', roles: CAMPAIGN_READERS },
      },
      {
        path: 'campaign/statistics',
        name: 'CampaignStatistics',
        component: () => import('@/views/campaign/statistics.vue'),
        meta: { title: 'menu.statistics', roles: CAMPAIGN_READERS },
      },
      {
        path: 'progress/entry',
        name: 'ReportEntry',
        component: () => import('@/views/progress/entry.vue'),
        meta: { title: 'entry.title', roles: REPORT_FILERS },
      },
      {
        path: 'progress/overview',
        name: 'ZoneProgress',
        component: () => import('@/views/progress/index.vue'),
        meta: { title: 'progress.title', roles: PROGRESS_READERS },
      },
      {
        path: 'warnings',
        name: 'WarningCentre',
        component: () => import('@/views/warning/index.vue'),
        meta: { title: 'warning.centre', roles: WARNING_READERS },
      },
      {
        path: 'warnings/orders',
        name: 'SupervisionOrders',
        component: () => import('@/views/warning/orders.vue'),
        meta: { title: 'supervision.title', roles: WARNING_READERS },
      },
      {
        path: 'warnings/rules',
        name: 'WarningRules',
        component: () => import('@/views/warning/rules.vue'),
        meta: { title: 'warningRules.title', roles: WARNING_READERS },
      },
      {
        // 通知设置: group robots / webhooks and the outbox, for those who manage the rules.
        path: 'warnings/notifications',
        name: 'NotificationSettings',
        component: () => import('@/views/notification/index.vue'),
        meta: { title: 'notification.menu', roles: WARNING_RULE_MANAGERS },
      },
      {
        path: 'inbox',
        name: 'Inbox',
        component: () => import('@/views/inbox/index.vue'),
        meta: { title: 'inbox.title' },
      },
      {
        path: 'enterprise',
        name: 'Enterprise',
        component: () => import('@/views/enterprise/index.vue'),
        meta: { title: 'menu.enterprise' },
      },
      {
        path: 'system/org-unit',
        name: 'OrgUnit',
        component: () => import('@/views/orgunit/index.vue'),
        meta: { title: 'menu.orgUnit', roles: ['admin', 'office'] },
      },
      {
        path: 'system/user',
        name: 'User',
        component: () => import('@/views/user/index.vue'),
        meta: { title: 'menu.user', roles: ['admin'] },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'NotFound',
        component: () => import('@/views/error/404.vue'),
        meta: { title: 'error.notFound' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
})

router.beforeEach(async (to) => {
  const store = useUserStore()
  const me = await store.ensureLoaded()
  if (to.meta.public) {
    return me && to.name === 'Login' ? { path: '/home' } : true
  }
  if (!me) {
    return { path: '/login', query: to.fullPath !== '/' && to.fullPath !== '/home' ? { redirect: to.fullPath } : {} }
  }
  if (to.meta.roles && !to.meta.roles.some((r) => me.roles.includes(r))) {
    return { path: '/home' }
  }
  return true
})

// Called by the request wrapper when the server says the session is gone.
export function goToLogin(): void {
  const store = useUserStore()
  store.clear()
  const current = router.currentRoute.value
  if (current.name === 'Login') return
  void router.replace({ path: '/login', query: { redirect: current.fullPath } })
}
