// 计划月报: annual investment plans and their monthly decomposition, monthly reports and their review,
// the zone's investment progress (roll-ups, forecast, export, settings), milestones and reverse
// scheduling (倒排工期). Money is whole yuan; dates "YYYY-MM-DD"; rates are fractions (0.853) or null.
import { ApiError, buildUrl, http, type RequestOptions } from '@/utils/request'

// ---------------------------------------------------------------- plans 年度计划与逐月分解
export type PlanStrategy = 'even' | 'seasonal' | 'milestone' | 'manual'
export const PLAN_STRATEGIES: PlanStrategy[] = ['even', 'seasonal', 'milestone', 'manual']

export interface PlanVO {
  project_id: number
  year: number
  annual: number
  strategy: PlanStrategy
  months: number[] // 12 amounts, January first, summing to annual
  version: number
}

export interface PlanReq {
  annual: number
  strategy: PlanStrategy
  months?: number[] // manual only
}

const quiet: RequestOptions = { silent: true }

export const getPlans = (projectId: number) => http.get<{ items: PlanVO[] }>(`/projects/${projectId}/plans`)
export const savePlan = (projectId: number, year: number, data: PlanReq & { version: number }) =>
  http.put<PlanVO>(`/projects/${projectId}/plans/${year}`, data)
// No write: the twelve months the server would store. Silent: the panel shows the field errors itself.
export const previewPlan = (projectId: number, year: number, data: PlanReq) =>
  http.post<{ months: number[] }>(`/projects/${projectId}/plans/${year}/preview`, data, quiet)

// null when the project has no plan for that year (404).
export async function getPlan(projectId: number, year: number): Promise<PlanVO | null> {
  return orNull(http.get<PlanVO>(`/projects/${projectId}/plans/${year}`, undefined, quiet))
}

// ---------------------------------------------------------------- progress 投资进度
export interface ProgressSummary {
  key: string
  label: string
  projects: number
  planned_year: number
  planned_month: number
  planned_to_date: number
  completed_month: number
  completed_to_date: number
  month_rate: number | null
  ytd_rate: number | null
  year_rate: number | null
  time_progress: number | null
  reports_due: number
  reports_on_time: number
  on_time_rate: number | null
}

export type ForecastMethod = 'ytd_ratio' | 'trend' | 'plan_remaining'

export interface EarnedValueVO {
  planned_value: number
  earned_value: number
  actual_cost: number
  spi: number | null
  cpi: number | null
  schedule_variance: number
  cost_variance: number
}

export interface YearForecastVO {
  method: ForecastMethod
  planned_year: number
  completed_to_date: number
  forecast: number
  shortfall: number
  will_miss: boolean
}

export interface ProjectProgressVO {
  year: number
  month: number
  planned: number[]
  completed: number[]
  summary: ProgressSummary
  earned_value: EarnedValueVO
  forecast: YearForecastVO
  progress_percent: number
}

// Silent: the plan tab shows a failure in place of the chart.
export const getProjectProgress = (projectId: number, year: number, month: number) =>
  http.get<ProjectProgressVO>(`/projects/${projectId}/progress`, { year, month }, quiet)

export type ProgressGroupBy = 'unit' | 'industry' | 'batch'
export const PROGRESS_GROUPS: ProgressGroupBy[] = ['unit', 'industry', 'batch']

export interface ZoneProgressVO {
  year: number
  month: number
  by: ProgressGroupBy
  title?: string // the server's Chinese heading, e.g. 2026年1-10月重点项目投资进度（按责任单位）
  rows: ProgressSummary[]
  total: ProgressSummary
}
export interface ProgressQuery {
  year: number
  month: number
  by: ProgressGroupBy
}
export const getZoneProgress = (params: ProgressQuery) => http.get<ZoneProgressVO>('/progress', { ...params })
export const progressExportUrl = (params: ProgressQuery) => buildUrl('/progress/export.xlsx', { ...params })

export interface ForecastMissVO {
  project_id: number
  project_code: string
  project_name: string
  unit_name: string
  planned_year: number
  completed_to_date: number
  forecast: number
  shortfall: number
}
export interface ForecastQuery {
  year: number
  month: number
  method: Exclude<ForecastMethod, 'plan_remaining'>
  limit?: number
  offset?: number
}
export const getForecast = (params: ForecastQuery) =>
  http.get<{ method: ForecastMethod; total: number; items: ForecastMissVO[] }>('/progress/forecast', { ...params })

export interface ProgressSettingsVO {
  region_code: string
  due_day: number
  seasonal_weights: number[]
  version: number
}
export const getProgressSettings = () => http.get<ProgressSettingsVO>('/progress/settings')
// The region is the caller's own; the server refuses fields it does not take.
export const saveProgressSettings = ({ due_day, seasonal_weights, version }: ProgressSettingsVO) =>
  http.put<ProgressSettingsVO>('/progress/settings', { due_day, seasonal_weights, version })

// ---------------------------------------------------------------- monthly reports 月报
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'accepted'
export const REPORT_STATUSES: ReportStatus[] = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted']

export interface ReportFigures {
  completed_this_month: number
  cumulative: number
  progress_text: string
  progress_percent: number
  problems: string
}

export interface ReportVersionVO extends ReportFigures {
  number: number
  submitted_on: string
  returned_on: string | null
  return_reason: string
  accepted_on: string | null
}

export interface ReportVO extends ReportFigures {
  id: number
  project_id: number
  year: number
  month: number
  status: ReportStatus
  status_label?: { zh: string; en: string }
  photo_ids: number[]
  due_on: string
  first_submitted_on: string | null
  on_time: boolean
  days_late: number
  versions: ReportVersionVO[]
  version: number
}

export interface ReportReq extends ReportFigures {
  photo_ids: number[]
  version: number // 0 creates
}

export const getReports = (projectId: number, year: number) =>
  http.get<{ items: ReportVO[] }>(`/projects/${projectId}/reports`, { year })
export async function getReport(projectId: number, year: number, month: number): Promise<ReportVO | null> {
  return orNull(http.get<ReportVO>(`/projects/${projectId}/reports/${year}/${month}`, undefined, quiet))
}
export const saveReport = (projectId: number, year: number, month: number, data: ReportReq, options: RequestOptions = {}) =>
  http.put<ReportVO>(`/projects/${projectId}/reports/${year}/${month}`, data, options)
export const submitReport = (projectId: number, year: number, month: number, version: number, options: RequestOptions = {}) =>
  http.post<ReportVO>(`/projects/${projectId}/reports/${year}/${month}/submit`, { version }, options)
export const returnReport = (projectId: number, year: number, month: number, version: number, reason: string) =>
  http.post<ReportVO>(`/projects/${projectId}/reports/${year}/${month}/return`, { version, reason })
export const acceptReport = (projectId: number, year: number, month: number, version: number) =>
  http.post<ReportVO>(`/projects/${projectId}/reports/${year}/${month}/accept`, { version })

export interface EntryItemVO {
  project_id: number
  project_code: string
  project_name: string
  unit_name: string
  planned_month: number
  previous_cumulative: number | null
  previous_month: string | null // "YYYY-MM"
  report: ReportVO | null
}
export interface EntryVO {
  year: number
  month: number
  due_on: string
  total: number // projects due (all pages)
  submitted: number
  overdue: number
  items: EntryItemVO[]
}
// One screen for all of them: the server's largest page (1,000 projects).
export const ENTRY_LIMIT = 1000
export const getReportEntry = (year: number, month: number, offset = 0) =>
  http.get<EntryVO>('/reports/entry', { year, month, limit: ENTRY_LIMIT, offset })

// ---------------------------------------------------------------- milestones 节点 and 倒排工期
export interface MilestoneVO {
  id: number
  project_id: number
  code: string
  name: string
  planned: string | null
  actual: string | null
  standard_days: number
  predecessors: number[]
  sort_order: number
  version: number
}
export interface MilestoneForm {
  code?: string
  name: string
  planned: string | null
  actual: string | null
  standard_days: number
  predecessors: number[]
  sort_order: number
}
export type MilestoneTemplateKind = 'industrial' | 'infrastructure' | 'livelihood'
export const MILESTONE_TEMPLATE_KINDS: MilestoneTemplateKind[] = ['industrial', 'infrastructure', 'livelihood']

export const getMilestones = (projectId: number) => http.get<{ items: MilestoneVO[] }>(`/projects/${projectId}/milestones`)
// Silent: a dependency cycle (422) is shown in the dialog as the server's sentence.
export const createMilestone = (projectId: number, data: MilestoneForm) =>
  http.post<MilestoneVO>(`/projects/${projectId}/milestones`, data, quiet)
export const updateMilestone = (projectId: number, id: number, data: MilestoneForm & { version: number }) =>
  http.put<MilestoneVO>(`/projects/${projectId}/milestones/${id}`, data, quiet)
export const deleteMilestone = (projectId: number, id: number, version: number) =>
  http.delete<void>(`/projects/${projectId}/milestones/${id}`, { version })
export const applyMilestoneTemplate = (projectId: number, kind: MilestoneTemplateKind) =>
  http.post<{ items: MilestoneVO[] }>(`/projects/${projectId}/milestones/template`, { kind })

export interface ScheduledMilestoneVO {
  id: number
  name: string
  latest_finish: string
  latest_start: string
  done: boolean
  slack_days: number
  at_fault: boolean
}
export interface ReverseScheduleVO {
  target: string
  today: string
  feasible: boolean
  explanation: { zh: string; en: string } | null
  at_fault: number[]
  milestones: ScheduledMilestoneVO[]
  items?: MilestoneVO[] // after apply
}
export const reverseSchedule = (projectId: number, target: string, apply: boolean) =>
  http.post<ReverseScheduleVO>(`/projects/${projectId}/milestones/schedule`, { target, apply }, quiet)

// ---------------------------------------------------------------- helpers
// A 404 is an answer here ("none yet"), not an error; anything else is shown and rethrown.
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null
    throw error
  }
}
