import { describe, expect, it } from 'vitest'
import type { WarningVO } from '@/api/warning'
import { ApiError } from '@/utils/request'
import {
  ackState,
  defaultFilters,
  filtersFromQuery,
  filtersToQuery,
  formatFigure,
  mergeRows,
  replyOverdue,
  runBulk,
  summariseBulk,
  toWarningQuery,
} from './warning'
import { byDeadline, inTab, tabCounts } from './orders'

const w = (id: number, over: Partial<WarningVO> = {}): WarningVO => ({
  id, condition_key: `report_late/${id}/project/0`, rule: 'report_late', rule_name: { zh: '月报逾期未报', en: 'Monthly report overdue' },
  project_id: id, project_name: `项目${id}`, subject: 'project', subject_id: 0, level: 'red', level_label: { zh: '红色', en: 'red' },
  peak_level: 'red', unit: 'days', figure: 6, threshold: 5, since: '2026-11-05', message: { zh: '逾期', en: 'late' },
  opened_on: '2026-11-10', closed_on: null, open: true, needs_acknowledgement: true, responsible_unit_id: 2, leader_id: 5,
  assignee_id: null, assigned_on: null, history: [{ level: 'red', on: '2026-11-10' }], responses: [], order: null, version: 1,
  ...over,
})

const order = (state: 'issued' | 'replied' | 'signed_off', reply_due: string) => ({
  to_unit_id: 2, cc_leader_id: 5, issued_on: '2026-11-10', reply_due, state, reply: '', replied_on: null, replied_by: null,
  return_reason: '', signed_off_on: null, signed_off_by: null, sign_off_comment: '', overdue_on: null,
})

describe('filters ↔ query', () => {
  it('keeps only what differs from the defaults, and reads it back', () => {
    const filters = { ...defaultFilters(), level: 'red' as const, rule: 'task_overdue' as const, unit_id: 3, state: 'all' as const, page: 2 }
    const query = filtersToQuery(filters)
    expect(query).toEqual({ level: 'red', rule: 'task_overdue', unit_id: '3', state: 'all', page: '2' })
    expect(filtersFromQuery(query as Record<string, string>)).toEqual(filters)
    expect(filtersToQuery(defaultFilters())).toEqual({})
  })

  it('ignores what it does not understand', () => {
    const filters = filtersFromQuery({ level: 'purple', rule: 'nope', unit_id: '-1', state: 'maybe', order: 'x', page: '0', page_size: '7', sort: 'name' })
    expect(filters).toEqual(defaultFilters())
    expect(filtersFromQuery({ level: ['orange', 'red'], sort: '-opened_on', page_size: '50' })).toMatchObject({ level: 'orange', sort: '-opened_on', page_size: 50 })
  })

  it('always asks the API for a state, and leaves out empty filters', () => {
    expect(toWarningQuery(defaultFilters())).toEqual({
      level: undefined, rule: undefined, unit_id: undefined, state: 'open', order: undefined, project_id: undefined, page: 1, page_size: 20, sort: undefined,
    })
    expect(toWarningQuery({ ...defaultFilters(), order: 'replied', project_id: 9 })).toMatchObject({ order: 'replied', project_id: 9 })
  })
})

describe('bulk actions', () => {
  it('goes on past a failed row and reports each failure with its status', async () => {
    const rows = [w(1), w(2), w(3), w(4)]
    const seen: number[] = []
    const result = await runBulk(rows, async (row) => {
      if (row.id === 2) throw new ApiError(409, 'conflict', '记录已被他人修改')
      if (row.id === 4) throw new ApiError(403, 'forbidden', '无权')
      return { ...row, version: row.version + 1, needs_acknowledgement: false }
    }, (n) => seen.push(n))
    expect(result.done.map((r) => r.id)).toEqual([1, 3])
    expect(result.failed).toEqual([
      { id: 2, project_name: '项目2', status: 409, code: 'conflict', message: '记录已被他人修改' },
      { id: 4, project_name: '项目4', status: 403, code: 'forbidden', message: '无权' },
    ])
    expect(seen).toEqual([1, 2, 3, 4])
    expect(summariseBulk(result)).toEqual({ kind: 'warning', done: 2, failed: 2, byCode: { conflict: 1, forbidden: 1 } })
  })

  it('summarises all done and all failed', async () => {
    expect(summariseBulk({ done: [w(1)], failed: [] }).kind).toBe('success')
    const failed = await runBulk([w(1)], async () => { throw new Error('boom') })
    expect(failed.failed[0]).toMatchObject({ status: 0, code: 'internal', message: 'boom' })
    expect(summariseBulk(failed)).toMatchObject({ kind: 'error', done: 0, failed: 1 })
  })

  it('replaces answered rows and keeps the others', () => {
    const merged = mergeRows([w(1), w(2)], [w(2, { version: 5 })])
    expect(merged.map((r) => r.version)).toEqual([1, 5])
  })
})

describe('judgements', () => {
  it('tells pending, acknowledged and closed apart', () => {
    expect(ackState(w(1))).toBe('pending')
    expect(ackState(w(1, { needs_acknowledgement: false }))).toBe('acknowledged')
    expect(ackState(w(1, { needs_acknowledgement: false, open: false, closed_on: '2026-11-20' }))).toBe('closed')
  })

  it('counts a reply on the due day as on time', () => {
    expect(replyOverdue(order('issued', '2026-11-20'), '2026-11-20')).toBe(false)
    expect(replyOverdue(order('issued', '2026-11-20'), '2026-11-21')).toBe(true)
    expect(replyOverdue(order('replied', '2026-11-20'), '2026-11-30')).toBe(false)
    expect(replyOverdue(null, '2026-11-30')).toBe(false)
  })

  it('formats figures in their unit', () => {
    expect(formatFigure(54, 'months')).toBe('54')
    expect(formatFigure(65.34, 'percent_of_time_progress')).toBe('65.3')
    expect(formatFigure(40, 'points_below_time_progress')).toBe('40')
  })
})

describe('order tabs', () => {
  const orders = [
    w(1, { order: order('issued', '2026-11-20') }),
    w(2, { order: order('issued', '2026-12-02') }),
    w(3, { order: order('replied', '2026-11-15') }),
    w(4, { order: order('signed_off', '2026-11-01') }),
    w(5),
  ]
  it('counts each tab, overdue being the issued ones past their day', () => {
    expect(tabCounts(orders, '2026-11-27')).toEqual({ all: 4, issued: 2, overdue: 1, replied: 1, signed_off: 1 })
    expect(inTab(orders[4], 'all', '2026-11-27')).toBe(false)
  })
  it('puts the earliest deadline first', () => {
    expect([...orders.slice(0, 4)].sort(byDeadline).map((o) => o.id)).toEqual([4, 3, 1, 2])
  })
})
