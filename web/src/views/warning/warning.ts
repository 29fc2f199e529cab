// What the warning pages compute, kept free of UI code so it can be tested: the filters ↔ the address's query
// (a filtered list can be bookmarked and shared), bulk actions that go on past a failed row, and small
// judgements (acknowledged?, reply overdue?). The server remains the judge of every rule.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { PAGE_SIZES } from '@/components/pageSizes'
import {
  ORDER_STATES,
  RULE_CODES,
  WARNING_LEVELS,
  type Bilingual,
  type OrderState,
  type RuleCode,
  type SupervisionOrderVO,
  type ThresholdUnit,
  type WarningLevel,
  type WarningQuery,
  type WarningSortKey,
  type WarningState,
  type WarningVO,
} from '@/api/warning'
import { ApiError, type ErrorCode } from '@/utils/request'

// ---------------------------------------------------------------- filters ↔ query
export interface WarningFilters {
  level: WarningLevel | ''
  rule: RuleCode | ''
  unit_id: number | undefined
  state: WarningState
  order: OrderState | ''
  project_id: number | undefined
  page: number
  page_size: number
  sort: string // '' (most serious first) or a WarningSortKey, '-' for descending
}

const SORT_KEYS: WarningSortKey[] = ['level', 'opened_on', 'figure', 'project_name']
const STATES: WarningState[] = ['open', 'closed', 'all']

export function defaultFilters(): WarningFilters {
  return { level: '', rule: '', unit_id: undefined, state: 'open', order: '', project_id: undefined, page: 1, page_size: 20, sort: '' }
}

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text : ''
}
function oneOf<T extends string>(value: string, allowed: readonly T[]): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : ''
}
function positiveId(value: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined
}

// What the address asks for; anything not understood falls back to the default (a hand-edited or old link
// still opens the list).
export function filtersFromQuery(query: LocationQuery): WarningFilters {
  const filters = defaultFilters()
  filters.level = oneOf(first(query.level), WARNING_LEVELS)
  filters.rule = oneOf(first(query.rule), RULE_CODES)
  filters.unit_id = positiveId(first(query.unit_id))
  filters.state = oneOf(first(query.state), STATES) || 'open'
  filters.order = oneOf(first(query.order), ORDER_STATES)
  filters.project_id = positiveId(first(query.project_id))
  filters.page = positiveId(first(query.page)) ?? 1
  const size = Number(first(query.page_size))
  filters.page_size = PAGE_SIZES.includes(size) ? size : filters.page_size
  const sort = first(query.sort)
  filters.sort = SORT_KEYS.includes(sort.replace(/^-/, '') as WarningSortKey) ? sort : ''
  return filters
}

// The warning a link asks to open in the drawer (?warning=<id>, e.g. from an inbox item); undefined when none.
export function linkedWarningId(query: LocationQuery): number | undefined {
  return positiveId(first(query.warning))
}

// The query for the address: only what differs from the defaults, so the plain list has a plain address.
export function filtersToQuery(filters: WarningFilters): LocationQueryRaw {
  const defaults = defaultFilters()
  const query: LocationQueryRaw = {}
  for (const key of Object.keys(defaults) as (keyof WarningFilters)[]) {
    const value = filters[key]
    if (value === undefined || value === '' || value === defaults[key]) continue
    query[key] = String(value)
  }
  return query
}

// The API's parameters. `state` is always sent, so "all" and "closed" are not mistaken for the default.
export function toWarningQuery(filters: WarningFilters): WarningQuery {
  return {
    level: filters.level || undefined,
    rule: filters.rule || undefined,
    unit_id: filters.unit_id,
    state: filters.state,
    order: filters.order || undefined,
    project_id: filters.project_id,
    page: filters.page,
    page_size: filters.page_size,
    sort: filters.sort || undefined,
  }
}

// ---------------------------------------------------------------- bulk actions
export interface BulkFailure {
  id: number
  project_name: string
  status: number // 0: no answer
  code: ErrorCode
  message: string
}

export interface BulkResult {
  done: WarningVO[] // the warnings as the server answered them
  failed: BulkFailure[]
}

// Runs `act` on every row, one after the other (the server sees one writer at a time, and a person can read
// the outcome row by row). A failed row is recorded and the others go on. `onProgress` counts finished rows.
export async function runBulk(
  rows: readonly WarningVO[],
  act: (row: WarningVO) => Promise<WarningVO>,
  onProgress?: (finished: number) => void,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] }
  for (const [index, row] of rows.entries()) {
    try {
      result.done.push(await act(row))
    } catch (error) {
      result.failed.push({
        id: row.id,
        project_name: row.project_name,
        status: error instanceof ApiError ? error.status : 0,
        code: error instanceof ApiError ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      })
    }
    onProgress?.(index + 1)
  }
  return result
}

export type BulkSummaryKind = 'success' | 'warning' | 'error'

// One line for the toast or the result dialog: all done, some failed (how many of which kind), all failed.
export interface BulkSummary {
  kind: BulkSummaryKind
  done: number
  failed: number
  byCode: Partial<Record<ErrorCode, number>> // failures by kind: conflict (someone acted first), forbidden …
}

export function summariseBulk(result: BulkResult): BulkSummary {
  const byCode: Partial<Record<ErrorCode, number>> = {}
  for (const failure of result.failed) byCode[failure.code] = (byCode[failure.code] ?? 0) + 1
  const done = result.done.length
  const failed = result.failed.length
  const kind: BulkSummaryKind = failed === 0 ? 'success' : done === 0 ? 'error' : 'warning'
  return { kind, done, failed, byCode }
}

// The list after a bulk action: rows the server answered replace the old ones (new versions), the others stay.
export function mergeRows(rows: readonly WarningVO[], updated: readonly WarningVO[]): WarningVO[] {
  const byId = new Map(updated.map((w) => [w.id, w]))
  return rows.map((row) => byId.get(row.id) ?? row)
}

// ---------------------------------------------------------------- small judgements
export function localized(text: Bilingual | null | undefined, locale: string): string {
  if (!text) return ''
  return locale === 'en' ? text.en || text.zh : text.zh || text.en
}

export type AckState = 'pending' | 'acknowledged' | 'closed'

// 签收: an open warning with nobody's response since it reached its level is pending.
export function ackState(w: Pick<WarningVO, 'open' | 'needs_acknowledgement'>): AckState {
  if (w.needs_acknowledgement) return 'pending'
  return w.open ? 'acknowledged' : 'closed'
}

// A 督办单 still waiting for its reply after the due day (a reply on the due day is on time).
export function replyOverdue(order: Pick<SupervisionOrderVO, 'state' | 'reply_due'> | null, today: string): boolean {
  return !!order && order.state === 'issued' && today > order.reply_due
}

// Days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

// The figure in its unit: whole days and months, one decimal for percentages and points.
export function formatFigure(value: number, unit: ThresholdUnit): string {
  if (unit === 'days' || unit === 'months') return String(Math.round(value))
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '')
}

// 督办单's number: the year it was issued and the warning's id (one order per warning), e.g. 〔2026〕第12号.
export function orderNumber(w: Pick<WarningVO, 'id' | 'order'>): { year: string; id: number } {
  return { year: w.order?.issued_on.slice(0, 4) ?? '', id: w.id }
}

export const LEVEL_RANK: Record<WarningLevel | 'none', number> = { none: 0, yellow: 1, orange: 2, red: 3 }
