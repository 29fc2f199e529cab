// 台账导入导出: the ledger import (dry run, commit), its template, the monthly report import, and the
// .xlsx exports of the ledger and a period's statistics. An import's body is the .xlsx file itself, not JSON.
import { buildUrl, toApiError, ApiError, type QueryValue } from '@/utils/request'
import { currentLocale, i18n } from '@/locales'

export type ImportMode = 'dry_run' | 'commit' | 'commit_valid'

export interface ImportProblemVO {
  sheet: string
  row: number
  column: string
  value: string
  reason: string
  reason_zh: string
  reason_en: string
}

export interface ImportRowActionVO {
  row: number
  action: 'create' | 'update' | 'unchanged' | 'invalid'
  project_id: number
  code: string
  name: string
  changes: string[]
  roster_entry: '' | 'create' | 'update'
}

export interface LedgerImportReport {
  mode: ImportMode
  sheet: string
  rows: number
  committed: boolean
  counts: {
    create: number
    update: number
    unchanged: number
    invalid: number
    roster_entries_created: number
    roster_entries_updated: number
    enterprises_created: number
  }
  written: { created: number; updated: number; roster_entries_created: number; roster_entries_updated: number; enterprises_created: number }
  problems: ImportProblemVO[]
  warnings: ImportProblemVO[]
  row_actions: ImportRowActionVO[]
  row_actions_truncated: boolean
  problems_truncated: boolean
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// Posts an .xlsx file as the request body; an error answer (not a spreadsheet, too large,
// forbidden) becomes an ApiError.
async function postSpreadsheet<T>(path: string, query: Record<string, QueryValue>, file: Blob): Promise<T> {
  let response: Response
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLocale(), 'Content-Type': XLSX },
      body: file,
    })
  } catch {
    throw new ApiError(0, 'network', i18n.global.t('error.network'))
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON
  }
  if (!response.ok) throw toApiError(response.status, body, i18n.global.t('error.unknown'))
  return body as T
}

export function importLedger(file: Blob, mode: ImportMode, year?: number): Promise<LedgerImportReport> {
  return postSpreadsheet<LedgerImportReport>('/imports/ledger', { mode, year }, file)
}

// 导入月报: each valid row saved and submitted as its project's report of the month. A commit writes
// nothing while any row has a problem (committed false, the problems listed).
export type ReportImportMode = 'dry_run' | 'commit'

export interface ReportImportResult {
  mode: ReportImportMode
  sheet: string
  valid_rows: number
  committed: boolean
  submitted: number
  unchanged: number
  problems: ImportProblemVO[]
  warnings: ImportProblemVO[]
  problems_truncated: boolean
}

export function importMonthlyReports(file: Blob, mode: ReportImportMode): Promise<ReportImportResult> {
  return postSpreadsheet<ReportImportResult>('/imports/monthly-reports', { mode }, file)
}

// The headers of the monthly report sheet (any order; 项目代码 or 项目名称). There is no server template.
export const MONTHLY_REPORT_HEADERS = ['项目代码', '项目名称', '年', '月', '本月完成投资(万元)', '累计完成投资(万元)', '形象进度'] as const

export const ledgerTemplateUrl = () => buildUrl('/imports/ledger/template.xlsx')
export const ledgerExportUrl = (filters: Record<string, QueryValue>) => buildUrl('/projects/export.xlsx', filters)
export const statisticsExportUrl = (period: number, params: { as_of?: string; view?: string }) =>
  buildUrl(`/periods/${period}/statistics.xlsx`, params)

// Starts a download of `url` (the session cookie goes with it).
export function download(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}
