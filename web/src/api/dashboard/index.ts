// 挂图作战: the leadership dashboard in one call, and the region outline its map draws. Money is whole yuan;
// rates are fractions (0.853) or null; dates "YYYY-MM-DD".
import { http, type RequestOptions } from '@/utils/request'
import type { MilestoneVO, ProgressSummary } from '@/api/progress'

export type WarningLevel = 'yellow' | 'orange' | 'red'

export interface CampaignRate {
  numerator: number
  denominator: number
  per_mille: number | null
  text: string
}

export interface DashboardCampaign {
  period: number // 0: no period yet
  period_name: string
  held_on: string | null
  as_of: string
  count: number
  total_investment: number
  sign: { count: number; total_investment: number; fulfilled: number }
  start: { count: number; total_investment: number; started: number; producing: number }
  production: { count: number; total_investment: number; year_planned_investment: number; producing: number; effective: number }
  rates: { fulfilment: CampaignRate; start: CampaignRate; production: CampaignRate; effect: CampaignRate }
}

export interface DashboardMonth {
  month: number
  planned: number
  planned_cumulative: number
  completed: number | null // null after the dashboard's month
  completed_cumulative: number | null
  time_progress: number | null // 序时进度: plan due by the end of the month ÷ annual plan
  ytd_rate: number | null
  year_rate: number | null // completed to date ÷ annual plan; null after the dashboard's month
}

export interface WarningUnitCount {
  unit_id: number
  unit_name: string
  yellow: number
  orange: number
  red: number
  total: number
}

export interface LateProjectVO {
  project_id: number
  project_name: string
  unit_name: string
  level: WarningLevel
  open_warnings: number
  oldest_opened_on: string
  days_open: number
  worst_rule: string
  worst_message: { zh: string; en: string }
  shortfall: number
  planned_to_date: number | null
  completed_to_date: number | null
  ytd_rate: number | null
  time_progress: number | null
}

export interface MapPointVO {
  project_id: number
  name: string
  stage: string
  longitude: number
  latitude: number
  total_investment: number
  level: WarningLevel | null
}

export interface DashboardMilestone extends MilestoneVO {
  done: boolean
  late: boolean
  days_late: number
}

export interface GanttProjectVO {
  project_id: number
  project_name: string
  late_milestones: number
  milestones: DashboardMilestone[]
}

// GeoJSON as stored: a Polygon, MultiPolygon, Feature or FeatureCollection.
export type Outline = { type: string; [key: string]: unknown }

export interface DashboardVO {
  region: { code: string; name: string }
  year: number
  month: number
  today: string
  campaign: DashboardCampaign
  investment: { total: ProgressSummary; months: DashboardMonth[] }
  warnings: { open: number; by_level: Record<WarningLevel, number>; by_unit: WarningUnitCount[] }
  late_projects: LateProjectVO[]
  map: { outline: Outline | null; points: MapPointVO[]; points_truncated: boolean; without_coordinates: number }
  milestones: GanttProjectVO[]
}

// Silent: an automatic refresh that fails keeps the last figures on the wall and says so itself.
export const getDashboard = (year: number, options: RequestOptions = { silent: true }) =>
  http.get<DashboardVO>('/dashboard', { year }, options)

export interface RegionOutlineVO {
  region_code: string
  outline: Outline | null
  version: number
}
export const getRegionOutline = (code: string) => http.get<RegionOutlineVO>(`/regions/${code}/outline`)
export const saveRegionOutline = (code: string, data: { outline: Outline | null; version: number }) =>
  http.put<RegionOutlineVO>(`/regions/${code}/outline`, data)
