// What the project and campaign pages need to know about stages and rates, kept free of UI code
// so it can be tested. The server remains the judge of every rule.
import type { Stage, StageDates, StageRecord } from '@/api/project'
import type { Rate } from '@/api/campaign'

// The forward path; 退出 (withdrawn) branches off it.
export const STAGE_PATH: Stage[] = ['reserve', 'signed', 'started', 'producing', 'effective']

const ORDER: Record<Stage, number> = { reserve: 0, signed: 1, started: 2, producing: 3, effective: 4, withdrawn: 5 }

export type TagType = 'info' | 'primary' | 'warning' | 'success' | 'danger'

export function stageTagType(stage: Stage): TagType {
  switch (stage) {
    case 'reserve': return 'info'
    case 'signed': return 'warning'
    case 'started': return 'primary'
    case 'producing':
    case 'effective': return 'success'
    case 'withdrawn': return 'danger'
  }
}

// The stages a project may be advanced to: any later stage on the path, or withdrawal
// (not once effective, not once withdrawn: that takes a correction).
export function nextStages(current: Stage): Stage[] {
  if (current === 'withdrawn') return []
  const ahead = STAGE_PATH.filter((stage) => ORDER[stage] > ORDER[current])
  return current === 'effective' ? ahead : [...ahead, 'withdrawn']
}

// The date of reaching each stage of the path, for the progress steps.
export const STAGE_DATE: Record<Exclude<Stage, 'reserve'>, keyof StageDates> = {
  signed: 'signed_on',
  started: 'started_on',
  producing: 'producing_on',
  effective: 'effective_on',
  withdrawn: 'withdrawn_on',
}

// The extra dates an advance must carry: the stages passed on the way that have no date yet,
// and 履约 when a signed project is to start without it. Mirrors core::AdvanceStage.
export function datesNeeded(record: StageRecord, to: Stage): (keyof StageDates)[] {
  if (to === 'withdrawn' || ORDER[to] <= ORDER[record.stage]) return []
  const needed: (keyof StageDates)[] = []
  const signed = record.signed_on !== null
  if (signed && !record.fulfilled_on && ORDER[to] >= ORDER.started) needed.push('fulfilled_on')
  if (ORDER[to] > ORDER.started && !record.started_on) needed.push('started_on')
  if (ORDER[to] > ORDER.producing && !record.producing_on) needed.push('producing_on')
  return needed
}

// A rate as a percentage number for charts (85.7), or null without a denominator.
export function ratePercent(rate: Rate | undefined | null): number | null {
  if (!rate || rate.per_mille === null) return null
  return rate.per_mille / 10
}

// Today in Asia/Shanghai as YYYY-MM-DD (the server's notion of "today").
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

// A file size people read: 980 B, 12.3 KB, 1.0 MB.
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
