import { describe, expect, it } from 'vitest'
import type { GanttProjectVO } from '@/api/dashboard'
import { ganttBars, outlineFeatureCollection, refreshDue } from './dashboard'

const polygon = { type: 'Polygon', coordinates: [[[113.5, 34.8], [113.6, 34.8], [113.6, 34.9], [113.5, 34.8]]] }

describe('outlineFeatureCollection', () => {
  it('wraps a bare polygon into a named feature', () => {
    const fc = outlineFeatureCollection(polygon, '高新区')
    expect(fc.features).toHaveLength(1)
    expect(fc.features[0].properties.name).toBe('高新区')
    expect(fc.features[0].geometry).toEqual(polygon)
  })
  it('keeps the names a collection already has and names the others', () => {
    const fc = outlineFeatureCollection(
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '东区' }, geometry: polygon }, { type: 'Feature', properties: null, geometry: polygon }] },
      '高新区',
    )
    expect(fc.features.map((f) => f.properties.name)).toEqual(['东区', '高新区 2'])
  })
})

describe('ganttBars', () => {
  it('puts each planned milestone on its project row, coloured by status', () => {
    const m = (id: number, name: string, planned: string | null, actual: string | null, predecessors: number[] = []) => ({
      id, project_id: 7, code: '', name, planned, actual, standard_days: 10, predecessors, sort_order: id, version: 1,
      done: actual !== null, late: false, days_late: 0,
    })
    const projects: GanttProjectVO[] = [
      { project_id: 7, project_name: '甲', late_milestones: 1, milestones: [m(1, '拿地', '2025-01-10', '2025-01-09'), m(2, '开工', '2025-02-01', null, [1]), m(3, '竣工', null, null)] },
    ]
    const { bars } = ganttBars(projects, '2025-03-01')
    expect(bars.map((b) => [b.row, b.milestone, b.start, b.end, b.status])).toEqual([
      [0, '拿地', '2024-12-31', '2025-01-10', 'done'],
      [0, '开工', '2025-01-10', '2025-02-01', 'late'],
    ])
    expect(bars[1].daysLate).toBe(28)
  })
})

describe('refreshDue', () => {
  it('waits for the period and never refreshes a hidden tab', () => {
    expect(refreshDue(null, 0, 60_000, false)).toBe(true)
    expect(refreshDue(1_000, 30_000, 60_000, false)).toBe(false)
    expect(refreshDue(1_000, 61_000, 60_000, false)).toBe(true)
    expect(refreshDue(1_000, 61_000, 60_000, true)).toBe(false)
  })
})
