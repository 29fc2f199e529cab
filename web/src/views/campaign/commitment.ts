// Between the commitment form (万元 text, empty strings) and the API (yuan, absent fields).
import type { Batch, Commitment } from '@/api/campaign'
import { formatWan, parseWan } from '@/utils/money'

export interface CommitmentModel {
  sign_date: string
  planned_start_date: string
  planned_production_date: string
  year_planned_wan: string // 万元 as typed
  plan_year: number | undefined
}

export function emptyCommitment(): CommitmentModel {
  return { sign_date: '', planned_start_date: '', planned_production_date: '', year_planned_wan: '', plan_year: undefined }
}

export function commitmentModelOf(c: Commitment | null | undefined): CommitmentModel {
  if (!c) return emptyCommitment()
  return {
    sign_date: c.sign_date ?? '',
    planned_start_date: c.planned_start_date ?? '',
    planned_production_date: c.planned_production_date ?? '',
    year_planned_wan: c.year_planned_investment ? formatWan(c.year_planned_investment, { grouping: false, decimals: 4 }).replace(/\.?0+$/, '') : '',
    plan_year: c.plan_year || undefined,
  }
}

// Only what the batch asks for goes out; a bad 万元 figure returns null (the caller says so).
export function commitmentPayload(batch: Batch, m: CommitmentModel): Partial<Commitment> | null {
  const out: Partial<Commitment> = {}
  if (m.sign_date) out.sign_date = m.sign_date
  if (batch !== 'sign' && m.planned_start_date) out.planned_start_date = m.planned_start_date
  if (batch === 'production') {
    if (m.planned_production_date) out.planned_production_date = m.planned_production_date
    if (m.year_planned_wan.trim()) {
      const yuan = parseWan(m.year_planned_wan)
      if (yuan === null || yuan < 0) return null
      out.year_planned_investment = yuan
    }
    if (m.plan_year) out.plan_year = m.plan_year
  }
  return out
}
