// The caller's unread count and latest inbox items, shared by the bell in the header and the inbox page, so that
// reading an item in one place takes it off the other. Polling lives in the bell (it exists while signed in).
import { reactive } from 'vue'
import { getInboxPage, markAllInboxRead, markInboxRead, type InboxItemVO } from '@/api/notification'

export const BELL_ITEMS = 8 // latest items in the bell's list

interface InboxState {
  unread: number
  latest: InboxItemVO[]
  loaded: boolean
}

const state = reactive<InboxState>({ unread: 0, latest: [], loaded: false })

export function useInboxStore() {
  return {
    state,
    // Silent: a poll that fails (server restarting) shows nothing and tries again later.
    async refresh(): Promise<void> {
      const page = await getInboxPage({ page: 1, page_size: BELL_ITEMS }, { silent: true })
      state.unread = page.unread
      state.latest = page.items
      state.loaded = true
    },
    setUnread(unread: number) {
      state.unread = unread
    },
    async markRead(item: InboxItemVO): Promise<InboxItemVO> {
      if (item.read) return item
      const marked = await markInboxRead(item.id)
      state.unread = Math.max(0, state.unread - 1)
      const shown = state.latest.find((i) => i.id === item.id)
      if (shown) Object.assign(shown, marked)
      return marked
    },
    async markAllRead(): Promise<void> {
      const answer = await markAllInboxRead()
      state.unread = answer.unread
      for (const item of state.latest) item.read = true
    },
    clear() {
      state.unread = 0
      state.latest = []
      state.loaded = false
    },
  }
}
