// What the inbox shows, free of UI code: the colour of an item (a warning that came down or closed keeps the
// colour it had), where a click leads, and a short time for the bell's list.
import type { RouteLocationRaw } from 'vue-router'
import type { InboxItemVO } from '@/api/notification'
import type { WarningEventVO, WarningLevel } from '@/api/warning'

// The level whose colour an event wears: its own, or the one it came from when it has none (a closed warning).
export function eventLevel(event: Pick<WarningEventVO, 'level' | 'previous_level'>): WarningLevel | 'none' {
  return event.level !== 'none' ? event.level : event.previous_level
}

// The warning centre with this warning's drawer open (the centre reads ?warning=<id>).
export function warningLink(item: Pick<InboxItemVO, 'event'>): RouteLocationRaw {
  return { path: '/warnings', query: { warning: String(item.event.warning_id) } }
}

// "HH:MM" today, "MM-DD HH:MM" this year, else the date. `created_at` is "YYYY-MM-DD HH:MM:SS" in the server's
// local time; `today` is "YYYY-MM-DD" there.
export function shortTime(createdAt: string, today: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(createdAt)
  if (!match) return createdAt
  const [, year, month, day, hour, minute] = match
  if (`${year}-${month}-${day}` === today) return `${hour}:${minute}`
  if (year === today.slice(0, 4)) return `${month}-${day} ${hour}:${minute}`
  return `${year}-${month}-${day}`
}

// The badge's text: nothing at 0, "99+" beyond.
export function badgeText(unread: number, max = 99): string {
  if (unread <= 0) return ''
  return unread > max ? `${max}+` : String(unread)
}
