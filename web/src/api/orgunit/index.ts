import { http, type Page, type PageQuery, type RequestOptions } from '@/utils/request'

export interface OrgUnitVO {
  id: number
  region_code: string
  parent_id: number // 0 = top of its region
  code: string
  name: string
  version: number
  created_at?: string
  updated_at?: string
}

// What a client may write; the server refuses any other property.
export interface OrgUnitForm {
  code: string
  name: string
  parent_id: number
}

export type OrgUnitQuery = PageQuery

export const getOrgUnitPage = (params: OrgUnitQuery, options?: RequestOptions) =>
  http.get<Page<OrgUnitVO>>('/org-units', { ...params }, options)

// Every unit the caller may see, for tree views and selects. `silent` for pages that only use
// the names for display and can do without them.
export const getOrgUnitList = async (options?: RequestOptions): Promise<OrgUnitVO[]> => {
  const pageSize = 500
  const first = await getOrgUnitPage({ page: 1, page_size: pageSize }, options)
  const items = [...first.items]
  for (let page = 2; items.length < first.total; page++) {
    const next = await getOrgUnitPage({ page, page_size: pageSize }, options)
    if (next.items.length === 0) break
    items.push(...next.items)
  }
  return items
}

export const getOrgUnit = (id: number) => http.get<OrgUnitVO>(`/org-units/${id}`)
export const createOrgUnit = (data: OrgUnitForm) => http.post<OrgUnitVO>('/org-units', data)
export const updateOrgUnit = (id: number, data: OrgUnitForm & { version: number }) =>
  http.put<OrgUnitVO>(`/org-units/${id}`, data)
export const deleteOrgUnit = (id: number, version: number) =>
  http.delete<void>(`/org-units/${id}`, { version })
