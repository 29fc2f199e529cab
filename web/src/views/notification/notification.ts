// The notification settings, free of UI code: the target form ↔ what is sent (the secret only when typed, or
// cleared on purpose), what someone else changed when a save met theirs (and one's own changes put back on top),
// event kinds grouped for the select, and the outbox's times and message text for people to read.
import type { Channel, NotificationTargetInput, NotificationTargetVO, OutboxMessageVO } from '@/api/notification'
import type { WarningEventKind, WarningLevel } from '@/api/warning'

// What the sweep produces by itself, and what people's actions produce (warning_lifecycle's event kinds).
export const SYSTEM_EVENT_KINDS: WarningEventKind[] = ['opened', 'escalated', 'de_escalated', 'closed', 'order_issued', 'order_overdue']
export const ACTION_EVENT_KINDS: WarningEventKind[] = ['acknowledged', 'assigned', 'order_replied', 'order_reply_returned', 'order_signed_off']

export interface TargetForm {
  name: string
  channel: Channel
  url: string
  secret: string // typed now; '' keeps the stored one (or none on create)
  clear_secret: boolean // edit only: remove the stored secret
  levels: WarningLevel[]
  event_kinds: WarningEventKind[]
  enabled: boolean
}

export function emptyTargetForm(): TargetForm {
  return { name: '', channel: 'wecom', url: '', secret: '', clear_secret: false, levels: [], event_kinds: [], enabled: true }
}

export function targetToForm(target: NotificationTargetVO): TargetForm {
  return {
    name: target.name,
    channel: target.channel,
    url: target.url,
    secret: '',
    clear_secret: false,
    levels: [...target.levels],
    event_kinds: [...target.event_kinds],
    enabled: target.enabled,
  }
}

// The body of a create (version undefined) or an update. Without "secret" the server keeps the stored one; a
// robot moved off DingTalk loses it there anyway.
export function formToInput(form: TargetForm, version?: number): NotificationTargetInput {
  const input: NotificationTargetInput = {
    name: form.name.trim(),
    channel: form.channel,
    url: form.url.trim(),
    levels: [...form.levels],
    event_kinds: [...form.event_kinds],
    enabled: form.enabled,
  }
  if (form.channel === 'dingtalk') {
    const secret = form.secret.trim()
    if (secret) input.secret = secret
    else if (form.clear_secret || version === undefined) input.secret = ''
  }
  if (version !== undefined) input.version = version
  return input
}

export type TargetField = 'name' | 'channel' | 'url' | 'secret' | 'levels' | 'event_kinds' | 'enabled'
const COMPARED: TargetField[] = ['name', 'channel', 'url', 'levels', 'event_kinds', 'enabled']

export interface TargetChange {
  field: TargetField
  from: unknown
  to: unknown
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join() === [...b].sort().join()
  return a === b
}

// What differs from `before` to `after`, field by field in the form's order. The secret is never shown, so only
// whether one is stored can change (secret_set); `secretBefore`/`secretAfter` carry it.
export function targetChanges(
  before: TargetForm & { secret_set?: boolean },
  after: TargetForm & { secret_set?: boolean },
): TargetChange[] {
  const changes: TargetChange[] = []
  for (const field of COMPARED) {
    if (!same(before[field], after[field])) changes.push({ field, from: before[field], to: after[field] })
  }
  if (before.secret_set !== undefined && after.secret_set !== undefined && before.secret_set !== after.secret_set) {
    changes.push({ field: 'secret', from: before.secret_set, to: after.secret_set })
  }
  return changes
}

// My edits over the target someone else saved meanwhile: for every field I changed from what I had loaded, my
// value; the fields I did not touch keep theirs. A secret I typed (or asked to clear) is kept as typed.
export function reapplyTarget(loaded: TargetForm, mine: TargetForm, theirs: TargetForm): TargetForm {
  const merged: TargetForm = { ...theirs, levels: [...theirs.levels], event_kinds: [...theirs.event_kinds] }
  for (const change of targetChanges(loaded, mine)) {
    ;(merged as unknown as Record<string, unknown>)[change.field] = Array.isArray(change.to) ? [...change.to] : change.to
  }
  merged.secret = mine.secret
  merged.clear_secret = mine.clear_secret
  return merged
}

// Field errors the form cannot put under an input (e.g. "version"), for the alert above it.
export function unplacedTargetErrors(errors: Record<string, string>): string[] {
  const placed = new Set<string>(['name', 'channel', 'url', 'secret', 'levels', 'event_kinds', 'enabled'])
  return Object.entries(errors).filter(([key]) => !placed.has(key)).map(([key, message]) => `${key}: ${message}`)
}

// ---------------------------------------------------------------- outbox
// Unix seconds as the server's local time (Asia/Shanghai), "YYYY-MM-DD HH:MM:SS"; '' for none.
export function formatEpoch(seconds: number | null | undefined): string {
  if (!seconds) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(seconds * 1000))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

// The message a person would read in the group, from the payload as sent: a JSON webhook's message in the
// reader's language, a robot's markdown or text. '' when the payload is not one of these shapes.
export function outboxText(message: Pick<OutboxMessageVO, 'channel' | 'payload'>, locale: string): string {
  let body: Record<string, unknown>
  try {
    body = JSON.parse(message.payload) as Record<string, unknown>
  } catch {
    return ''
  }
  if (!body || typeof body !== 'object') return ''
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})
  if (message.channel === 'json') {
    const bilingual = obj(body.message)
    return text(locale === 'en' ? bilingual.en : bilingual.zh) || text(bilingual.zh) || text(bilingual.en)
  }
  const markdown = obj(body.markdown)
  const plain = text(markdown.content) || text(markdown.text) || text(obj(body.text).content)
  // Robot markdown: headings, bold and quote marks are noise in a table cell.
  return plain.replace(/^[#>\s]+/gm, '').replace(/\*\*/g, '').replace(/\n+/g, ' ').trim()
}

// Pretty-printed payload for the expanded row; the raw text when it is not JSON.
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2)
  } catch {
    return payload
  }
}
