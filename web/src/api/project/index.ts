// 项目台账: the ledger, the project record, its stage actions, checklist, attachments, roster
// history and change history. Money is whole yuan; dates are "YYYY-MM-DD" or null.
import { API_BASE, ApiError, http, toApiError, type Page, type PageQuery, type RequestOptions } from '@/utils/request'
import { currentLocale, i18n } from '@/locales'
import type { Batch, RosterAdjustmentVO, RosterEntryVO } from '@/api/campaign'

export type Stage = 'reserve' | 'signed' | 'started' | 'producing' | 'effective' | 'withdrawn'
export const STAGES: Stage[] = ['reserve', 'signed', 'started', 'producing', 'effective', 'withdrawn']
export type ProjectKind = 'industry' | 'infrastructure' | 'livelihood'
export const PROJECT_KINDS: ProjectKind[] = ['industry', 'infrastructure', 'livelihood']

// The dated marks of the stage record, in the order they happen.
export interface StageDates {
  signed_on: string | null
  fulfilled_on: string | null // 履约
  started_on: string | null
  producing_on: string | null
  effective_on: string | null
  withdrawn_on: string | null
}

export interface StageRecord extends StageDates {
  stage: Stage
  stage_name?: string
  withdrawal_reason: string
}

export interface ProjectVO extends StageRecord {
  id: number
  region_code: string
  code: string // 项目代码, "" until issued
  name: string
  enterprise_id: number // 0 = none yet
  industry: string
  kind: ProjectKind
  address: string
  longitude: number | null
  latitude: number | null
  parcel: string
  construction_content: string
  total_investment: number // yuan
  leader_id: number
  lead_unit_id: number
  cooperating_unit_ids: number[]
  responsible_person: string
  responsible_phone: string
  in_stats_db: boolean
  in_stats_db_on: string | null
  version: number
  created_at: string
  updated_at: string
}

// What the create/edit form writes (PUT adds version; stages only change through the actions).
export interface ProjectForm {
  code: string
  name: string
  enterprise_id: number
  industry: string
  kind: ProjectKind
  address: string
  longitude?: number
  latitude?: number
  parcel: string
  construction_content: string
  total_investment: number
  leader_id: number
  lead_unit_id: number
  cooperating_unit_ids: number[]
  responsible_person: string
  responsible_phone: string
}

export type LedgerSortKey =
  | 'id' | 'code' | 'name' | 'industry' | 'kind' | 'total_investment' | 'stage' | 'batch' | 'lead_unit_id'
  | 'leader_id' | 'enterprise_id' | 'signed_on' | 'fulfilled_on' | 'started_on' | 'producing_on'
  | 'effective_on' | 'in_stats_db_on' | 'responsible_person' | 'created_at' | 'updated_at'

export interface LedgerQuery extends PageQuery {
  q?: string
  stage?: Stage | ''
  batch?: Batch | ''
  period?: number
  unit_id?: number
  leader_id?: number
  industry?: string
  min_investment?: number // yuan
  max_investment?: number // yuan
}

export interface LedgerPage extends Page<ProjectVO> {
  totals: { count: number; total_investment: number } // the whole filtered set, not the page
}

export const getLedger = (params: LedgerQuery) => http.get<LedgerPage>('/projects', { ...params })
export const getProject = (id: number) => http.get<ProjectVO>(`/projects/${id}`)
export const createProject = (data: ProjectForm) => http.post<ProjectVO>('/projects', data)
export const updateProject = (id: number, data: ProjectForm & { version: number }) =>
  http.put<ProjectVO>(`/projects/${id}`, data)
export const deleteProject = (id: number, version: number) => http.delete<void>(`/projects/${id}`, { version })

// 推进阶段: `on` is the date of the new stage; stages passed on the way bring their own dates.
export interface StageChangeReq {
  to: Exclude<Stage, 'reserve'>
  on: string
  signed_on?: string
  fulfilled_on?: string
  started_on?: string
  producing_on?: string
  reason?: string // withdrawal
  version: number
}
export interface CorrectionReq extends Partial<StageDates> {
  stage: Stage
  withdrawal_reason?: string
  reason: string
  version: number
}

// The stage actions answer a broken rule with 422; the dialogs show that message themselves.
const quiet: RequestOptions = { silent: true }
export const advanceStage = (id: number, data: StageChangeReq) => http.post<ProjectVO>(`/projects/${id}/stage`, data, quiet)
export const recordFulfilment = (id: number, data: { on: string; version: number }) =>
  http.post<ProjectVO>(`/projects/${id}/fulfilment`, data, quiet)
export const correctStage = (id: number, data: CorrectionReq) => http.post<ProjectVO>(`/projects/${id}/correction`, data, quiet)
export const setStatsDb = (id: number, data: { in_stats_db: boolean; in_stats_db_on?: string; version: number }) =>
  http.post<ProjectVO>(`/projects/${id}/stats-db`, data, quiet)

// 清单
export interface ChecklistItemVO {
  id: number
  project_id: number
  item: string
  owner_unit_id: number
  owner: string
  deadline: string
  done_on: string | null
  version: number
}
export interface ChecklistItemForm {
  item: string
  owner_unit_id: number
  owner: string
  deadline: string
  done_on?: string
}
export const getChecklist = (projectId: number) => http.get<Page<ChecklistItemVO>>(`/projects/${projectId}/checklist`)
export const createChecklistItem = (projectId: number, data: ChecklistItemForm) =>
  http.post<ChecklistItemVO>(`/projects/${projectId}/checklist`, data)
export const updateChecklistItem = (projectId: number, itemId: number, data: ChecklistItemForm & { version: number }) =>
  http.put<ChecklistItemVO>(`/projects/${projectId}/checklist/${itemId}`, data)
export const deleteChecklistItem = (projectId: number, itemId: number, version: number) =>
  http.delete<void>(`/projects/${projectId}/checklist/${itemId}`, { version })

// 附件
export type AttachmentCategory = 'photo' | 'plan' | 'other'
export const ATTACHMENT_CATEGORIES: AttachmentCategory[] = ['plan', 'photo', 'other']
export interface AttachmentVO {
  id: number
  project_id: number
  category: AttachmentCategory
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  created_by: number
  created_at: string
}
export const getAttachments = (projectId: number) => http.get<Page<AttachmentVO>>(`/projects/${projectId}/attachments`)
export const attachmentUrl = (projectId: number, attachmentId: number) =>
  `${API_BASE}/projects/${projectId}/attachments/${attachmentId}`
export const deleteAttachment = (projectId: number, attachmentId: number) =>
  http.delete<void>(`/projects/${projectId}/attachments/${attachmentId}`)

// The server takes the raw bytes: Content-Type names the type (it sniffs the bytes to check),
// X-Filename the name, percent-encoded. JSON helpers do not fit, so this call has its own fetch;
// it throws the same ApiError as every other call, and the upload panel shows its message.
export async function uploadAttachment(projectId: number, category: AttachmentCategory, file: File): Promise<AttachmentVO> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}/projects/${projectId}/attachments?category=${category}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLocale(),
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name),
      },
      body: file,
    })
  } catch {
    throw new ApiError(0, 'network', i18n.global.t('error.network'))
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) throw toApiError(response.status, body, i18n.global.t('error.unknown'))
  return body as AttachmentVO
}

// 名单历史
export interface ProjectRosterHistory {
  entries: RosterEntryVO[]
  adjustments: RosterAdjustmentVO[]
}
export const getProjectRoster = (projectId: number) => http.get<ProjectRosterHistory>(`/projects/${projectId}/roster`)

// 变更记录 (audit log); readable by the project office and administrators only.
export interface AuditEntryVO {
  id: number
  at: string
  user_id: number
  username: string
  action: string
  entity: string
  entity_id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
export const getProjectAudit = (projectId: number) =>
  http.get<Page<AuditEntryVO>>('/audit', { entity: 'project', entity_id: projectId })
