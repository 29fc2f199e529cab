// Pure helpers of the 挂图作战 dashboard, free of UI code: the outline as a FeatureCollection ECharts can register,
// warning levels and their colours, the charts' dark axis and text styles, the milestone chart's bars (per project,
// from gantt.ts's rows) and its time window.
import type { GanttProjectVO, Outline, WarningLevel } from '@/api/dashboard'
import { ganttRows, ganttWindow, type GanttRow } from '@/views/progress/gantt'

// The warning levels, worst first, in the order the charts and legends list them.
export const WARNING_LEVELS: WarningLevel[] = ['red', 'orange', 'yellow']

export const LEVEL_COLORS: Record<WarningLevel | 'none', string> = {
  red: '#ef4444',
  orange: '#f97316',
  yellow: '#facc15',
  none: '#38bdf8',
}

export const GANTT_COLORS = { done: '#22c55e', late: '#ef4444', open: '#3b82f6', today: '#f43f5e' } as const

// Axes and legend text on the dark wall, shared by every chart (the palette of wall.css).
export const WALL_AXIS = {
  axisLine: { lineStyle: { color: '#3b5b8f' } },
  axisLabel: { color: '#a8bfe0' },
  splitLine: { lineStyle: { color: '#1c3560' } },
}
export const WALL_TEXT = { color: '#cfe0ff' }

interface Feature {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: unknown
}

// Whatever the region stored (Polygon, MultiPolygon, Feature, FeatureCollection) as the FeatureCollection that
// echarts.registerMap takes, every feature named (the map labels and tooltips use the name).
export function outlineFeatureCollection(outline: Outline, name: string): { type: 'FeatureCollection'; features: Feature[] } {
  const named = (feature: Feature, index: number): Feature => ({
    ...feature,
    properties: { ...(feature.properties ?? {}), name: (feature.properties?.name as string | undefined) ?? (index ? `${name} ${index + 1}` : name) },
  })
  if (outline.type === 'FeatureCollection') {
    const features = (outline.features as Feature[] | undefined) ?? []
    return { type: 'FeatureCollection', features: features.map(named) }
  }
  if (outline.type === 'Feature') return { type: 'FeatureCollection', features: [named(outline as unknown as Feature, 0)] }
  return { type: 'FeatureCollection', features: [named({ type: 'Feature', properties: {}, geometry: outline }, 0)] }
}

export type BarStatus = 'done' | 'late' | 'open'

export interface GanttBar {
  row: number // index of the project row
  project: string
  projectId: number
  milestone: string
  start: string
  end: string
  actual: string | null
  status: BarStatus
  daysLate: number
}

// One bar per planned milestone, on its project's row: done (green), late (red: overdue, or done after its date),
// open (blue). Milestones without a planned date have no bar.
export function ganttBars(projects: GanttProjectVO[], today: string): { bars: GanttBar[]; rows: GanttRow[] } {
  const bars: GanttBar[] = []
  const all: GanttRow[] = []
  projects.forEach((project, row) => {
    for (const r of ganttRows(project.milestones, today)) {
      all.push(r)
      if (!r.start || !r.end) continue
      bars.push({
        row, project: project.project_name, projectId: project.project_id, milestone: r.name, start: r.start, end: r.end,
        actual: r.actual, status: r.late ? 'late' : r.done ? 'done' : 'open', daysLate: r.daysLate,
      })
    }
  })
  return { bars, rows: all }
}

// The chart's time window: the bars and today, with a little room either side (gantt.ts's window, over the bars
// only — long-past actual dates of early steps would squeeze the bars into a corner of the wall).
export function ganttRange(bars: GanttBar[], today: string): { min: string; max: string } {
  const rows: GanttRow[] = bars.map((bar) => ({
    id: 0, name: bar.milestone, start: bar.start, end: bar.end, actual: null, done: bar.status === 'done', late: bar.status === 'late', daysLate: bar.daysLate,
  }))
  return ganttWindow(rows, today)
}

// Auto refresh: due when the last load is at least `periodMs` old and the tab is visible.
export function refreshDue(lastLoaded: number | null, now: number, periodMs: number, hidden: boolean): boolean {
  if (hidden) return false
  return lastLoaded === null || now - lastLoaded >= periodMs
}
