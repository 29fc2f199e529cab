// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, request, setRequestHooks, toApiError } from './request'
import { setLocale } from '@/locales'

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

describe('toApiError', () => {
  it('keeps the code, message and field errors of the API error body', () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'invalid',
          message: '请求参数有误',
          fields: [
            { field: 'uscc', message: '统一社会信用代码校验位错误' },
            { field: 'uscc', message: 'second message for the same field' },
            { field: 'name', message: '企业名称不能为空' },
          ],
        },
      },
      'fallback',
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid')
    expect(error.message).toBe('请求参数有误')
    expect(error.fields).toHaveLength(3)
    expect(error.fieldMap()).toEqual({ uscc: '统一社会信用代码校验位错误', name: '企业名称不能为空' })
  })

  it('carries the current record of a 409', () => {
    const current = { id: 7, name: 'x', version: 3 }
    const error = toApiError(409, { error: { code: 'conflict', message: 'stale' }, current }, 'fallback')
    expect(error.code).toBe('conflict')
    expect(error.current).toEqual(current)
  })

  it('derives the code from the status when the body is not the API shape', () => {
    expect(toApiError(429, '<html>', 'fallback').code).toBe('throttled')
    expect(toApiError(413, null, 'fallback').code).toBe('too_large')
    expect(toApiError(502, null, 'fallback').code).toBe('internal')
    const odd = toApiError(422, { error: { code: 'made_up', message: '' } }, 'fallback')
    expect(odd.code).toBe('rule_broken')
    expect(odd.message).toBe('fallback')
  })

  it('drops malformed field entries', () => {
    const error = toApiError(400, { error: { code: 'invalid', message: 'm', fields: [{ field: 1 }, null, { field: 'a', message: 'b' }] } }, 'f')
    expect(error.fields).toEqual([{ field: 'a', message: 'b' }])
  })
})

describe('buildUrl', () => {
  it('prefixes the API and leaves out empty parameters', () => {
    expect(buildUrl('/enterprises', { page: 2, q: '芯微', industry: '', tag: undefined, unit_id: null })).toBe(
      '/api/v1/enterprises?page=2&q=%E8%8A%AF%E5%BE%AE',
    )
    expect(buildUrl('/auth/me')).toBe('/api/v1/auth/me')
  })
})

describe('request', () => {
  const notify = vi.fn()
  const onUnauthenticated = vi.fn()
  const fetchMock = vi.fn()

  beforeEach(() => {
    notify.mockReset()
    onUnauthenticated.mockReset()
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    setRequestHooks({ notify, onUnauthenticated })
    setLocale('zh-CN')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends the cookie, JSON and the reader language', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 1 }))
    setLocale('en')
    await expect(request('/enterprises', { method: 'POST', body: { name: 'a' } })).resolves.toEqual({ id: 1 })
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/enterprises')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"name":"a"}')
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(request('/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
  })

  it('shows the server message and throws an ApiError with the fields', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, { error: { code: 'invalid', message: '校验失败', fields: [{ field: 'uscc', message: '校验位错误' }] } }),
    )
    const error = await request('/enterprises', { method: 'POST', body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldMap()).toEqual({ uscc: '校验位错误' })
    // the toast points at the fields and quotes the first one, not the raw top-level message
    expect(notify).toHaveBeenCalledWith('请按提示修改标红的字段：校验位错误')
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('shows the server message as it is when no field is named', async () => {
    fetchMock.mockResolvedValue(jsonResponse(422, { error: { code: 'rule_broken', message: '单位下仍有用户，不能删除' } }))
    await expect(request('/org-units/3', { method: 'DELETE' })).rejects.toMatchObject({ code: 'rule_broken' })
    expect(notify).toHaveBeenCalledWith('单位下仍有用户，不能删除')
  })

  it('says the latest record was loaded when a stale save comes back with it', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(409, { error: { code: 'conflict', message: '记录已被他人修改，请刷新后重试', fields: [] }, current: { id: 1, version: 2 } }),
    )
    const error = (await request('/enterprises/1', { method: 'PUT', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(error.current).toEqual({ id: 1, version: 2 })
    expect(notify).toHaveBeenCalledWith('数据已被他人修改，已为您载入最新内容，请核对后重新保存')
  })

  it('stays quiet when the caller shows the error itself', async () => {
    fetchMock.mockResolvedValue(jsonResponse(429, { error: { code: 'throttled', message: '尝试过于频繁' } }))
    const error = await request('/auth/login', { method: 'POST', silent: true, expectUnauthenticated: true }).catch((e: unknown) => e)
    expect((error as ApiError).code).toBe('throttled')
    expect(notify).not.toHaveBeenCalled()
  })

  it('sends the person to the login page when the session is gone', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: 'unauthenticated', message: '请先登录' } }))
    await expect(request('/enterprises')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('does not redirect on a 401 that is an answer (wrong password)', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: 'unauthenticated', message: '用户名或密码错误' } }))
    await expect(request('/auth/login', { method: 'POST', expectUnauthenticated: true })).rejects.toMatchObject({
      message: '用户名或密码错误',
    })
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('turns a refused connection into a network error in the reader language', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    setLocale('en')
    const error = (await request('/health').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('network')
    expect(error.status).toBe(0)
    expect(notify).toHaveBeenCalledWith(expect.stringContaining('Cannot reach the server'))
  })
})
