// The 督办单 list's tabs, free of UI code: which orders each tab shows and how many there are.
import type { WarningVO } from '@/api/warning'
import { replyOverdue } from './warning'

export type OrderTab = 'all' | 'issued' | 'overdue' | 'replied' | 'signed_off'
export const ORDER_TABS: OrderTab[] = ['issued', 'overdue', 'replied', 'signed_off', 'all']

// overdue: still waiting for a reply after the due day (a subset of issued).
export function inTab(w: WarningVO, tab: OrderTab, today: string): boolean {
  if (!w.order) return false
  if (tab === 'all') return true
  if (tab === 'overdue') return replyOverdue(w.order, today)
  return w.order.state === tab
}

export function tabCounts(orders: readonly WarningVO[], today: string): Record<OrderTab, number> {
  const counts = { all: 0, issued: 0, overdue: 0, replied: 0, signed_off: 0 }
  for (const w of orders) for (const tab of ORDER_TABS) if (inTab(w, tab, today)) counts[tab]++
  return counts
}

// Most urgent first: the earliest reply deadline, then the newest order.
export function byDeadline(a: WarningVO, b: WarningVO): number {
  const due = (a.order?.reply_due ?? '').localeCompare(b.order?.reply_due ?? '')
  return due !== 0 ? due : b.id - a.id
}
