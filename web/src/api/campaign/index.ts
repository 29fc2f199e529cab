// 三个一批: periods, their rosters (as published, original, adjusted), entries and adjustments,
// statistics as of a date and the bulletin paragraph.
import { http, type Page } from '@/utils/request'
import type { Stage } from '@/api/project'

export type Batch = 'sign' | 'start' | 'production'
export const BATCHES: Batch[] = ['sign', 'start', 'production']
export type RosterView = 'adjusted' | 'original' | 'published'
export type AdjustmentKind = 'move' | 'change_commitment' | 'withdraw'
export const ADJUSTMENT_KINDS: AdjustmentKind[] = ['move', 'change_commitment', 'withdraw']

export interface PeriodVO {
  id: number
  region_code: string
  number: number
  name: string
  ordinal: string // 第七期
  held_on: string
  version: number
}

// The commitment made on the day of the period: what the batch promises.
export interface Commitment {
  sign_date: string | null
  planned_start_date: string | null
  planned_production_date: string | null
  year_planned_investment: number // yuan
  plan_year: number
}

export interface RosterEntryVO {
  id: number
  period: number
  project_id: number
  batch: Batch
  sequence: number
  commitment: Commitment
  version: number
}

export interface RosterAdjustmentVO {
  id: number
  entry_id: number
  kind: AdjustmentKind
  kind_name: string
  after_period: number
  decided_on: string
  reason: string
  to_batch: Batch | null
  commitment: Commitment | null
  created_by: number
}

export interface RosterLineVO {
  entry_id: number
  project_id: number
  project_name: string
  batch: Batch
  batch_period: number // the period it joined this batch
  origin_batch: Batch
  origin_period: number
  converted: boolean
  sequence: number
  commitment: Commitment
  original_commitment: Commitment
  adjustments: number
  total_investment: number
  industry: string
  lead_unit_id: number
  lead_unit_name: string
  leader_id: number
  leader_name: string
  stage: Stage
}

export interface RosterVO extends Page<RosterLineVO> {
  period: number
  view: RosterView
  as_of: string
}

export interface Rate {
  numerator: number
  denominator: number
  per_mille: number | null
  text: string // "85.7%", or "—" without a denominator
}

export interface RosterFigures {
  count: number
  total_investment: number
  sign: { count: number; total_investment: number; current: number; earlier: number; earlier_fulfilled: number; fulfilled: number }
  start: { count: number; total_investment: number; started: number; producing: number }
  production: {
    count: number
    total_investment: number
    year_planned_investment: number
    producing: number
    effective: number
    effect_rate: Rate
  }
  rates: { fulfilment: Rate; start: Rate; production: Rate; effect: Rate }
}

export interface GroupFigures {
  id: number
  name: string
  figures: RosterFigures
}

export interface CampaignStatistics {
  period: number
  as_of: string
  overall: RosterFigures
  by_unit: GroupFigures[]
  by_leader: GroupFigures[]
  by_industry: GroupFigures[]
  missing_projects: number
}

export interface FigureQuery {
  as_of?: string
  view?: RosterView
}

export interface RosterEntryForm {
  project_id: number
  batch: Batch
  sequence?: number
  commitment: Partial<Commitment>
}

export interface AdjustmentForm {
  kind: AdjustmentKind
  after_period: number
  decided_on: string
  reason: string
  to_batch?: Batch
  commitment?: Partial<Commitment>
}

export const getPeriods = () => http.get<Page<PeriodVO>>('/periods')
export const createPeriod = (data: { number: number; name?: string; held_on: string }) => http.post<PeriodVO>('/periods', data)
export const updatePeriod = (n: number, data: { name?: string; held_on: string; version: number }) =>
  http.put<PeriodVO>(`/periods/${n}`, data)
export const getRoster = (n: number, params: FigureQuery = {}) => http.get<RosterVO>(`/periods/${n}/roster`, { ...params })
export const addRosterEntry = (n: number, data: RosterEntryForm) => http.post<RosterEntryVO>(`/periods/${n}/roster`, data)
export const addAdjustment = (entryId: number, data: AdjustmentForm) =>
  http.post<RosterAdjustmentVO>(`/roster-entries/${entryId}/adjustments`, data)
export const getStatistics = (n: number, params: FigureQuery = {}) =>
  http.get<CampaignStatistics>(`/periods/${n}/statistics`, { ...params })
export const getBulletin = (n: number, params: FigureQuery & { zone_name?: string } = {}) =>
  http.get<{ period: number; as_of: string; text: string }>(`/periods/${n}/bulletin`, { ...params })
