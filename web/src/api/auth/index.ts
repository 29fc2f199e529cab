import { http } from '@/utils/request'

export type Role = 'admin' | 'office' | 'unit' | 'leader' | 'viewer' | 'enterprise'
export type DataScope = 'self' | 'unit' | 'unit_and_below' | 'region' | 'region_and_below'

export const ROLES: Role[] = ['admin', 'office', 'unit', 'leader', 'viewer', 'enterprise']
export const SCOPES: DataScope[] = ['self', 'unit', 'unit_and_below', 'region', 'region_and_below']

// The signed-in person (GET /auth/me).
export interface Me {
  id: number
  username: string
  display_name: string
  roles: Role[]
  scope: DataScope
  region_code: string
  region_name: string
  unit_id: number
  unit_name: string
  enterprise_id: number
}

export interface LoginReq {
  username: string
  password: string
}

export interface LoginResp {
  token: string
  user: Me
}

// The login form shows the server's message itself (wrong password, throttled).
export const login = (data: LoginReq) =>
  http.post<LoginResp>('/auth/login', data, { silent: true, expectUnauthenticated: true })

export const logout = () => http.post<void>('/auth/logout', undefined, { expectUnauthenticated: true })

// Silent: "not signed in" is an ordinary answer when the app starts.
export const getMe = () => http.get<Me>('/auth/me', undefined, { silent: true, expectUnauthenticated: true })

export interface ChangePasswordReq {
  old_password: string
  new_password: string
}

export const changePassword = (data: ChangePasswordReq) =>
  http.post<void>('/auth/password', data, { expectUnauthenticated: true })
