import { describe, expect, it } from 'vitest'
import type { MilestoneVO } from '@/api/progress'
import { ganttRows, ganttWindow } from './gantt'

const m = (id: number, over: Partial<MilestoneVO> = {}): MilestoneVO => ({
  id, project_id: 1, code: '', name: `节点${id}`, planned: null, actual: null, standard_days: 10, predecessors: [],
  sort_order: id, version: 1, ...over,
})

describe('ganttRows', () => {
  it('starts a bar at the latest predecessor date, or the planned date less the standard days', () => {
    const rows = ganttRows([
      m(1, { planned: '2026-03-01' }),
      m(2, { planned: '2026-02-01' }),
      m(3, { planned: '2026-06-30', predecessors: [1, 2] }),
    ], '2026-01-01')
    expect(rows.map((r) => r.start)).toEqual(['2026-02-19', '2026-01-22', '2026-03-01'])
    expect(rows[2].end).toBe('2026-06-30')
  })

  it('keeps the order of the wall chart and leaves unscheduled milestones without a bar', () => {
    const rows = ganttRows([m(2, { sort_order: 1 }), m(1, { sort_order: 2, planned: '2026-01-10' })], '2026-01-01')
    expect(rows.map((r) => r.id)).toEqual([2, 1])
    expect(rows[0].start).toBeNull()
  })

  it('flags open milestones past their date and ones done late', () => {
    const rows = ganttRows([
      m(1, { planned: '2026-01-10' }),
      m(2, { planned: '2026-01-10', actual: '2026-01-15' }),
      m(3, { planned: '2026-01-10', actual: '2026-01-09' }),
      m(4, { planned: '2026-03-10' }),
    ], '2026-01-20')
    expect(rows.map((r) => [r.late, r.daysLate])).toEqual([[true, 10], [true, 5], [false, 0], [false, 0]])
  })

  it('never draws a bar backwards when a predecessor is planned later', () => {
    const rows = ganttRows([m(1, { planned: '2026-05-01' }), m(2, { planned: '2026-04-01', predecessors: [1] })], '2026-01-01')
    expect(rows[1].start).toBe('2026-04-01')
  })

  it('frames every date and today', () => {
    const rows = ganttRows([m(1, { planned: '2026-05-01' })], '2026-01-01')
    expect(ganttWindow(rows, '2026-01-01')).toEqual({ min: '2025-12-17', max: '2026-05-16' })
  })
})
