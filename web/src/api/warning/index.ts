// 预警督办: the region's warning rules, the warning list with counts by level, one warning with its events,
// people's actions on it (acknowledge, assign, and the 督办单's reply, return and sign-off) and the sweep on
// demand. Dates are "YYYY-MM-DD"; every action sends the warning's version (409 when someone acted first).
import { http, type Page, type PageQuery, type RequestOptions } from '@/utils/request'

export type WarningLevel = 'yellow' | 'orange' | 'red'
export const WARNING_LEVELS: WarningLevel[] = ['yellow', 'orange', 'red']

export type RuleCode =
  | 'investment_behind_schedule'
  | 'not_in_stats_db'
  | 'milestone_overdue'
  | 'report_late'
  | 'signed_not_started'
  | 'task_overdue'
  | 'producing_not_effective'
export const RULE_CODES: RuleCode[] = [
  'investment_behind_schedule',
  'not_in_stats_db',
  'milestone_overdue',
  'report_late',
  'signed_not_started',
  'task_overdue',
  'producing_not_effective',
]

export type ThresholdUnit = 'days' | 'months' | 'percent_of_time_progress' | 'points_below_time_progress'
export const THRESHOLD_UNITS: ThresholdUnit[] = ['days', 'months', 'percent_of_time_progress', 'points_below_time_progress']

export type OrderState = 'issued' | 'replied' | 'signed_off'
export const ORDER_STATES: OrderState[] = ['issued', 'replied', 'signed_off']

export type WarningState = 'open' | 'closed' | 'all'

// Server text in both languages (the message, the rule's name).
export interface Bilingual {
  zh: string
  en: string
}

// 反馈: an acknowledgement with what the unit is doing about it, at the level the warning had then.
export interface WarningResponseVO {
  by: number
  on: string
  text: string
  level: WarningLevel
}

// 督办单.
export interface SupervisionOrderVO {
  to_unit_id: number // 主送
  cc_leader_id: number // 抄送
  issued_on: string
  reply_due: string // a reply on this day is on time
  state: OrderState
  reply: string
  replied_on: string | null
  replied_by: number | null
  return_reason: string // the last time a reply was sent back
  signed_off_on: string | null
  signed_off_by: number | null
  sign_off_comment: string
  overdue_on: string | null // when the late reply was escalated
}

export interface WarningVO {
  id: number
  condition_key: string
  rule: RuleCode
  rule_name: Bilingual
  project_id: number
  project_name: string
  subject: string
  subject_id: number
  level: WarningLevel
  level_label: Bilingual
  peak_level: WarningLevel
  unit: ThresholdUnit
  figure: number
  threshold: number
  since: string
  message: Bilingual // the explanation: figure, threshold, since
  opened_on: string
  closed_on: string | null
  open: boolean
  needs_acknowledgement: boolean
  responsible_unit_id: number
  leader_id: number
  assignee_id: number | null
  assigned_on: string | null
  history: { level: WarningLevel; on: string }[]
  responses: WarningResponseVO[]
  order: SupervisionOrderVO | null
  version: number
}

export type WarningEventKind =
  | 'opened'
  | 'escalated'
  | 'de_escalated'
  | 'closed'
  | 'order_issued'
  | 'order_overdue'
  | 'acknowledged'
  | 'assigned'
  | 'order_replied'
  | 'order_reply_returned'
  | 'order_signed_off'

export interface WarningEventVO {
  kind: WarningEventKind
  warning_id: number
  project_id: number
  level: WarningLevel | 'none'
  previous_level: WarningLevel | 'none'
  on: string
  unit_id: number
  leader_id: number
  actor_id: number // 0: the system
  message: Bilingual
}

export interface WarningDetailVO extends WarningVO {
  events: WarningEventVO[] // oldest first
  people: Record<string, string> // display names of the users it names, by id (readable by every role that sees it)
}

export type WarningSortKey = 'level' | 'opened_on' | 'figure' | 'project_name'

export interface WarningQuery extends Omit<PageQuery, 'q'> {
  level?: WarningLevel
  rule?: RuleCode
  state?: WarningState // open by default
  order?: OrderState
  unit_id?: number
  project_id?: number
}

export interface WarningPage extends Page<WarningVO> {
  counts: Record<WarningLevel, number> // of the warnings matching every filter but the level
}

export const MAX_PAGE_SIZE = 500

export const getWarningPage = (params: WarningQuery, options?: RequestOptions) =>
  http.get<WarningPage>('/warnings', { ...params }, options)
export const getWarning = (id: number, options?: RequestOptions) => http.get<WarningDetailVO>(`/warnings/${id}`, undefined, options)

// Every warning matching the filters, page after page (the 督办单 list is bounded by the red warnings).
export async function getAllWarnings(params: Omit<WarningQuery, 'page' | 'page_size'>): Promise<WarningVO[]> {
  const items: WarningVO[] = []
  for (let page = 1; ; page++) {
    const answer = await getWarningPage({ ...params, page, page_size: MAX_PAGE_SIZE })
    items.push(...answer.items)
    if (answer.items.length < MAX_PAGE_SIZE || items.length >= answer.total) return items
  }
}

// People's actions. Each answers the warning as it is now (new version).
export const acknowledgeWarning = (id: number, version: number, response: string, options?: RequestOptions) =>
  http.post<WarningVO>(`/warnings/${id}/acknowledge`, { version, response }, options)
export const assignWarning = (id: number, version: number, assignee_id: number, options?: RequestOptions) =>
  http.post<WarningVO>(`/warnings/${id}/assign`, { version, assignee_id }, options)
export const replyToOrder = (id: number, version: number, reply: string, options?: RequestOptions) =>
  http.post<WarningVO>(`/warnings/${id}/order/reply`, { version, reply }, options)
export const returnOrderReply = (id: number, version: number, reason: string, options?: RequestOptions) =>
  http.post<WarningVO>(`/warnings/${id}/order/return`, { version, reason }, options)
export const signOffOrder = (id: number, version: number, comment: string, options?: RequestOptions) =>
  http.post<WarningVO>(`/warnings/${id}/order/sign-off`, { version, comment }, options)

// ---------------------------------------------------------------- rules 预警规则
export interface WarningRuleInput {
  rule: RuleCode
  enabled: boolean
  unit: ThresholdUnit
  yellow: number | null // null: the rule has no such level
  orange: number | null
  red: number | null
  from_month: number // investment_behind_schedule: first month judged
  min_total_investment: number // not_in_stats_db: whole yuan
}

export interface WarningRuleVO extends WarningRuleInput {
  name: Bilingual
  customised: boolean // the region replaced the default
}

export interface WarningRuleSettingsVO {
  rules: WarningRuleVO[]
  supervision_reply_days: number
  version: number // 0 while the region keeps the defaults
}

export interface WarningRuleSettingsInput {
  rules: WarningRuleInput[]
  supervision_reply_days: number
  version: number
}

export const getWarningRules = () => http.get<WarningRuleSettingsVO>('/warnings/rules')
// Silent: the page shows field errors on their cells and a conflict in place.
export const saveWarningRules = (data: WarningRuleSettingsInput) =>
  http.put<WarningRuleSettingsVO>('/warnings/rules', data, { silent: true })

export interface WarningSweepCounts {
  projects: number
  opened: number
  escalated: number
  de_escalated: number
  closed: number
  orders_issued: number
  orders_overdue: number
  open: number
}
export const runWarningSweep = () => http.post<WarningSweepCounts>('/warnings/sweep')
