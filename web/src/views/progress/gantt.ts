// The rows of the 挂图作战 wall chart, free of UI code: each milestone's planned bar (from the latest
// planned date of the milestones it waits for — or, without any, its planned date less its standard
// duration — to its own planned date), its actual date, and whether it is late.
import type { MilestoneVO } from '@/api/progress'
import { addDays, daysBetween } from '@/utils/progress'

export interface GanttRow {
  id: number
  name: string
  start: string | null // bar start, "YYYY-MM-DD"
  end: string | null // planned date
  actual: string | null
  done: boolean
  late: boolean // not done and past its planned date, or done after it
  daysLate: number // as of today for open milestones, at completion for done ones
}

export function sortMilestones(milestones: MilestoneVO[]): MilestoneVO[] {
  return [...milestones].sort((a, b) => a.sort_order - b.sort_order || a.id - b.id)
}

export function ganttRows(milestones: MilestoneVO[], today: string): GanttRow[] {
  const byId = new Map(milestones.map((m) => [m.id, m]))
  return sortMilestones(milestones).map((m) => {
    const end = m.planned
    let start: string | null = null
    if (end) {
      const previous = m.predecessors
        .map((id) => byId.get(id)?.planned ?? null)
        .filter((d): d is string => d !== null)
        .sort()
        .pop()
      start = previous ?? addDays(end, -m.standard_days)
      if (start > end) start = end
    }
    const reference = m.actual ?? today
    const daysLate = end && (m.actual ? m.actual > end : today > end) ? daysBetween(end, reference) : 0
    return { id: m.id, name: m.name, start, end, actual: m.actual, done: m.actual !== null, late: daysLate > 0, daysLate }
  })
}

// The time window the chart shows: every date on it, with a little room either side.
export function ganttWindow(rows: GanttRow[], today: string): { min: string; max: string } {
  const dates = [today]
  for (const row of rows) for (const d of [row.start, row.end, row.actual]) if (d) dates.push(d)
  dates.sort()
  return { min: addDays(dates[0], -15), max: addDays(dates[dates.length - 1], 15) }
}
