// 通知: the caller's own inbox (站内消息) of warning events, and — for the project office and administrators —
// the region's group robots and JSON webhooks (通知对象) with the outbox (发件箱) of messages sent to them.
// Targets are versioned (409 with the current record); the DingTalk secret is never sent back, only `secret_set`.
import { http, type Page, type PageQuery, type RequestOptions } from '@/utils/request'
import type { WarningEventKind, WarningEventVO, WarningLevel } from '@/api/warning'

// ---------------------------------------------------------------- inbox 站内消息
export interface InboxItemVO {
  id: number
  event_id: number
  project_name: string
  event: WarningEventVO
  read: boolean
  read_at: string | null // "YYYY-MM-DD HH:MM:SS", local time
  created_at: string
}

export interface InboxPage extends Page<InboxItemVO> {
  unread: number // of every item of the caller's, whatever the filter
}

export interface InboxQuery extends Pick<PageQuery, 'page' | 'page_size'> {
  unread?: boolean // only unread items
}

export const getInboxPage = (params: InboxQuery, options?: RequestOptions) =>
  http.get<InboxPage>('/inbox', { ...params, unread: params.unread ? 'true' : undefined }, options)
export const markInboxRead = (id: number, options?: RequestOptions) =>
  http.post<InboxItemVO>(`/inbox/${id}/read`, undefined, options)
export const markAllInboxRead = (options?: RequestOptions) =>
  http.post<{ marked: number; unread: number }>('/inbox/read-all', undefined, options)

// ---------------------------------------------------------------- targets 通知对象
export type Channel = 'wecom' | 'dingtalk' | 'json'
export const CHANNELS: Channel[] = ['wecom', 'dingtalk', 'json']

export interface NotificationTargetVO {
  id: number
  region_code: string
  name: string
  channel: Channel
  url: string
  secret_set: boolean // a DingTalk signing secret is stored
  levels: WarningLevel[] // empty: every level
  event_kinds: WarningEventKind[] // empty: every kind
  enabled: boolean
  version: number
}

export interface NotificationTargetInput {
  name: string
  channel: Channel
  url: string
  secret?: string // absent on update: the stored secret stays; "": no secret
  levels: WarningLevel[]
  event_kinds: WarningEventKind[]
  enabled: boolean
  version?: number // required on update
}

export const getNotificationTargets = () => http.get<Page<NotificationTargetVO>>('/notification-targets')
export const getNotificationTarget = (id: number) => http.get<NotificationTargetVO>(`/notification-targets/${id}`)
// Silent: the form shows field errors under their inputs and a conflict in place.
export const createNotificationTarget = (data: NotificationTargetInput) =>
  http.post<NotificationTargetVO>('/notification-targets', data, { silent: true })
export const updateNotificationTarget = (id: number, data: NotificationTargetInput) =>
  http.put<NotificationTargetVO>(`/notification-targets/${id}`, data, { silent: true })
export const deleteNotificationTarget = (id: number, version: number) =>
  http.delete<void>(`/notification-targets/${id}`, { version })

// ---------------------------------------------------------------- outbox 发件箱
export type DeliveryState = 'pending' | 'delivered' | 'dead'
export const DELIVERY_STATES: DeliveryState[] = ['pending', 'delivered', 'dead']

export interface OutboxMessageVO {
  id: string // "sanpi-<event id>-<target id>", the receiver's de-duplication key
  target_id: number
  target_name: string
  channel: Channel
  event_id: number
  state: DeliveryState
  attempts: number
  created_at: number // Unix seconds
  next_attempt_at: number // Unix seconds; meaningful while pending
  delivered_at: number | null
  last_error: string
  payload: string // the JSON body as sent
}

export interface OutboxQuery extends Pick<PageQuery, 'page' | 'page_size'> {
  state?: DeliveryState
}

export const getOutboxPage = (params: OutboxQuery, options?: RequestOptions) =>
  http.get<Page<OutboxMessageVO>>('/outbox', { ...params }, options)
// A dead message goes back to pending with its attempts starting over.
export const retryOutboxMessage = (id: string) =>
  http.post<OutboxMessageVO>(`/outbox/${encodeURIComponent(id)}/retry`, undefined)
