import { http, type Page, type PageQuery, type RequestOptions } from '@/utils/request'
import type { DataScope, Role } from '@/api/auth'

export interface UserVO {
  id: number
  region_code: string
  unit_id: number // 0 = none (enterprise contacts)
  enterprise_id: number // set for enterprise contacts only
  username: string
  display_name: string
  phone: string
  roles: Role[]
  scope: DataScope
  active: boolean
  version: number
  created_at?: string
  updated_at?: string
}

export interface UserForm {
  username: string
  display_name: string
  phone: string
  unit_id: number
  enterprise_id: number
  roles: Role[]
  scope: DataScope
  active: boolean
}

export interface UserQuery extends PageQuery {
  unit_id?: number
}

export const getUserPage = (params: UserQuery, options?: RequestOptions) =>
  http.get<Page<UserVO>>('/users', { ...params }, options)
export const getUser = (id: number) => http.get<UserVO>(`/users/${id}`)
export const createUser = (data: UserForm & { password: string }) => http.post<UserVO>('/users', data)
export const updateUser = (id: number, data: UserForm & { version: number }) =>
  http.put<UserVO>(`/users/${id}`, data)
// Administrator sets a new password for someone else.
export const resetUserPassword = (id: number, password: string) =>
  http.post<void>(`/users/${id}/password`, { password })
