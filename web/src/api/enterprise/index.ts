import { http, type Page, type PageQuery, type RequestOptions } from '@/utils/request'

export interface EnterpriseVO {
  id: number
  region_code: string
  unit_id: number
  name: string
  uscc: string // 统一社会信用代码
  industry: string
  tags: string[]
  address: string
  contact: string
  phone: string
  version: number
  created_at: string
  updated_at: string
}

export interface EnterpriseForm {
  name: string
  uscc: string
  industry: string
  tags: string[]
  address: string
  contact: string
  phone: string
  unit_id: number
}

export type EnterpriseSort = 'name' | '-name' | 'created_at' | '-created_at'

export interface EnterpriseQuery extends PageQuery {
  industry?: string
  tag?: string
  sort?: EnterpriseSort
}

export const getEnterprisePage = (params: EnterpriseQuery) =>
  http.get<Page<EnterpriseVO>>('/enterprises', { ...params })
export const getEnterprise = (id: number, options?: RequestOptions) =>
  http.get<EnterpriseVO>(`/enterprises/${id}`, undefined, options)
export const createEnterprise = (data: EnterpriseForm) => http.post<EnterpriseVO>('/enterprises', data)
export const updateEnterprise = (id: number, data: EnterpriseForm & { version: number }) =>
  http.put<EnterpriseVO>(`/enterprises/${id}`, data)
export const deleteEnterprise = (id: number, version: number) =>
  http.delete<void>(`/enterprises/${id}`, { version })
