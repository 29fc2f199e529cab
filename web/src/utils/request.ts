// The one door to the sanpi JSON API. Every call sends the session cookie and the reader's
// language; every error answer becomes an ApiError (with the server's field errors) after the
// message has been shown, so views never look at status codes themselves.
import { currentLocale, i18n } from '@/locales'

export const API_BASE = '/api/v1'

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rule_broken'
  | 'throttled'
  | 'internal'
  | 'network' // no answer at all (server down, connection refused)

export interface FieldError {
  field: string // the JSON property name of the request body, e.g. "uscc"
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly fields: FieldError[]
  readonly current?: unknown // 409: the record as it is now on the server

  constructor(status: number, code: ErrorCode, message: string, fields: FieldError[] = [], current?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
    this.current = current
  }

  // { uscc: "…", name: "…" } — the first message per field, ready for <el-form-item :error>.
  fieldMap(): Record<string, string> {
    const map: Record<string, string> = {}
    for (const { field, message } of this.fields) if (!(field in map)) map[field] = message
    return map
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set([
  'invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_large',
  'unsupported_media_type', 'rule_broken', 'throttled', 'internal',
])

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return 'invalid'
    case 401: return 'unauthenticated'
    case 403: return 'forbidden'
    case 404: return 'not_found'
    case 409: return 'conflict'
    case 413: return 'too_large'
    case 415: return 'unsupported_media_type'
    case 422: return 'rule_broken'
    case 429: return 'throttled'
    default: return 'internal'
  }
}

// Turns an error answer into an ApiError. `body` is the parsed JSON (or anything else when the
// answer was not the API's error shape, e.g. a proxy's HTML page).
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  const error = (body as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown; fields?: unknown }
    | undefined
  const code = typeof error?.code === 'string' && KNOWN_CODES.has(error.code)
    ? (error.code as ErrorCode)
    : codeForStatus(status)
  const message = typeof error?.message === 'string' && error.message ? error.message : fallbackMessage
  const fields: FieldError[] = Array.isArray(error?.fields)
    ? error.fields
        .filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string')
        .map(({ field, message }) => ({ field, message }))
    : []
  const current = (body as { current?: unknown } | null)?.current
  return new ApiError(status, code, message, fields, current)
}

export interface RequestHooks {
  notify: (message: string) => void // shows an error to the person
  onUnauthenticated: () => void // the session is gone: go to the login page
}

// main.ts plugs in ElMessage and the router; this file stays free of UI code (and testable).
let hooks: RequestHooks = {
  notify: (message) => console.warn(message),
  onUnauthenticated: () => {},
}

export function setRequestHooks(next: Partial<RequestHooks>): void {
  hooks = { ...hooks, ...next }
}

export type QueryValue = string | number | boolean | null | undefined
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  params?: Record<string, QueryValue>
  body?: unknown
  // Do not show the message (the caller shows it itself, e.g. the login form).
  silent?: boolean
  // A 401 here is an answer, not an expired session (login, the first /auth/me).
  expectUnauthenticated?: boolean
}

export function buildUrl(path: string, params?: Record<string, QueryValue>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue
    query.append(key, String(value))
  }
  const text = query.toString()
  return `${API_BASE}${path}${text ? `?${text}` : ''}`
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  }
  const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(options.body)
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.params), init)
  } catch {
    const error = new ApiError(0, 'network', i18n.global.t('error.network'))
    if (!options.silent) hooks.notify(error.message)
    throw error
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // not JSON: keep the fallback message
  }
  const error = toApiError(response.status, body, i18n.global.t('error.unknown'))
  if (error.code === 'unauthenticated' && !options.expectUnauthenticated) {
    hooks.notify(i18n.global.t('error.sessionExpired'))
    hooks.onUnauthenticated()
    throw error
  }
  if (!options.silent) hooks.notify(toastText(error))
  throw error
}

// The message shown in the toast. With field errors the form shows each one under its input;
// the toast then points there (the top-level message may name raw JSON properties).
export function toastText(error: ApiError): string {
  // A stale version: every edit form loads the record the server sent back.
  if (error.code === 'conflict' && error.current) return i18n.global.t('error.conflict')
  if (error.fields.length === 0) return error.message
  return i18n.global.t('error.fixFields', { message: error.fields[0].message })
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface PageQuery {
  page?: number
  page_size?: number
  sort?: string
  q?: string
}

export const http = {
  get: <T>(path: string, params?: Record<string, QueryValue>, options: RequestOptions = {}) =>
    request<T>(path, { ...options, method: 'GET', params }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, params?: Record<string, QueryValue>, options: RequestOptions = {}) =>
    request<T>(path, { ...options, method: 'DELETE', params }),
}
