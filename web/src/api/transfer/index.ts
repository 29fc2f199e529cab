// 台账导入导出: the ledger import (dry run, commit), its template, and the .xlsx exports of the
// ledger and a period's statistics. The import body is the .xlsx file itself, not JSON.
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

// Uploads the file; an error answer (not a spreadsheet, too large, forbidden) becomes an ApiError.
export async function importLedger(file: Blob, mode: ImportMode, year?: number): Promise<LedgerImportReport> {
  let response: Response
  try {
    response = await fetch(buildUrl('/imports/ledger', { mode, year }), {
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
  return body as LedgerImportReport
}

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
