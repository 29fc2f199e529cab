import { describe, expect, it } from 'vitest'
import type { NotificationTargetVO, OutboxMessageVO } from '@/api/notification'
import {
  emptyTargetForm,
  formatEpoch,
  formToInput,
  outboxText,
  prettyPayload,
  reapplyTarget,
  targetChanges,
  targetToForm,
  unplacedTargetErrors,
} from './notification'

const target: NotificationTargetVO = {
  id: 3,
  region_code: '410171',
  name: '项目办工作群',
  channel: 'dingtalk',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
  secret_set: true,
  levels: ['red'],
  event_kinds: [],
  enabled: true,
  version: 4,
}

describe('formToInput', () => {
  it('leaves the stored secret alone when nothing is typed on update', () => {
    const input = formToInput(targetToForm(target), 4)
    expect(input).not.toHaveProperty('secret')
    expect(input.version).toBe(4)
  })

  it('sends a typed secret, trimmed, and an empty one when asked to clear it', () => {
    expect(formToInput({ ...targetToForm(target), secret: ' SEC123 ' }, 4).secret).toBe('SEC123')
    expect(formToInput({ ...targetToForm(target), clear_secret: true }, 4).secret).toBe('')
  })

  it('never sends a secret for other channels, and no version on create', () => {
    const input = formToInput({ ...emptyTargetForm(), channel: 'json', name: ' hook ', url: ' http://127.0.0.1:9/hook ', secret: 'x' })
    expect(input).toEqual({ name: 'hook', channel: 'json', url: 'http://127.0.0.1:9/hook', levels: [], event_kinds: [], enabled: true })
  })

  it('sends an empty secret for a new unsigned DingTalk robot', () => {
    expect(formToInput({ ...emptyTargetForm(), channel: 'dingtalk' }).secret).toBe('')
  })
})

describe('targetChanges and reapplyTarget', () => {
  const loaded = targetToForm(target)

  it('lists what someone else changed, ignoring the order of levels', () => {
    const theirs = { ...loaded, levels: ['red', 'orange'] as const, enabled: false }
    expect(targetChanges({ ...loaded, levels: ['orange', 'red'] }, { ...loaded, levels: ['red', 'orange'] })).toEqual([])
    expect(targetChanges(loaded, { ...theirs, levels: [...theirs.levels] })).toEqual([
      { field: 'levels', from: ['red'], to: ['red', 'orange'] },
      { field: 'enabled', from: true, to: false },
    ])
    expect(targetChanges({ ...loaded, secret_set: true }, { ...loaded, secret_set: false })).toEqual([
      { field: 'secret', from: true, to: false },
    ])
  })

  it('puts my changes on top of theirs and keeps their other fields', () => {
    const mine = { ...loaded, name: '我的新名称', secret: 'SECnew' }
    const theirs = { ...loaded, url: 'https://oapi.dingtalk.com/robot/send?access_token=def', event_kinds: ['opened' as const] }
    const merged = reapplyTarget(loaded, mine, theirs)
    expect(merged.name).toBe('我的新名称')
    expect(merged.url).toBe(theirs.url)
    expect(merged.event_kinds).toEqual(['opened'])
    expect(merged.secret).toBe('SECnew')
    merged.event_kinds.push('closed')
    expect(theirs.event_kinds).toEqual(['opened']) // a copy
  })

  it('keeps errors the form cannot place for the alert', () => {
    expect(unplacedTargetErrors({ url: 'bad', version: '版本号应为正整数' })).toEqual(['version: 版本号应为正整数'])
  })
})

describe('outbox', () => {
  it('formats Unix seconds in Beijing time', () => {
    expect(formatEpoch(0)).toBe('')
    expect(formatEpoch(null)).toBe('')
    expect(formatEpoch(1_700_000_000)).toBe('2023-11-15 06:13:20')
  })

  const message = (channel: OutboxMessageVO['channel'], payload: unknown) => ({ channel, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) })

  it('reads the message of a JSON webhook in the reader\'s language', () => {
    const json = message('json', { id: 'sanpi-1-2', message: { zh: '红色预警', en: 'red warning' } })
    expect(outboxText(json, 'zh-CN')).toBe('红色预警')
    expect(outboxText(json, 'en')).toBe('red warning')
  })

  it('reads a robot\'s markdown or text without the markup', () => {
    expect(outboxText(message('wecom', { msgtype: 'markdown', markdown: { content: '### 红色预警\n> **项目A**：逾期' } }), 'zh-CN')).toBe('红色预警 项目A：逾期')
    expect(outboxText(message('dingtalk', { msgtype: 'markdown', markdown: { title: 't', text: '#### 督办单\n内容' } }), 'zh-CN')).toBe('督办单 内容')
    expect(outboxText(message('dingtalk', { msgtype: 'text', text: { content: '纯文本' } }), 'zh-CN')).toBe('纯文本')
  })

  it('gives nothing for a payload it does not understand', () => {
    expect(outboxText(message('json', 'not json'), 'zh-CN')).toBe('')
    expect(outboxText(message('wecom', { msgtype: 'news' }), 'zh-CN')).toBe('')
    expect(prettyPayload('not json')).toBe('not json')
    expect(prettyPayload('{"a":1}')).toBe('{\n  "a": 1\n}')
  })
})
