// The signed-in person, shared by the router guard, the menu and the header. A plain reactive
// object is enough at this size; it is filled from GET /auth/me once per page load.
import { computed, reactive } from 'vue'
import { getMe, login as apiLogin, logout as apiLogout, type LoginReq, type Me, type Role } from '@/api/auth'

interface UserState {
  me: Me | null
  loaded: boolean // /auth/me has been asked once (signed in or not)
}

const state = reactive<UserState>({ me: null, loaded: false })

export function useUserStore() {
  return {
    state,
    me: computed(() => state.me),
    isLoggedIn: computed(() => state.me !== null),
    hasRole: (...roles: Role[]) => !!state.me && state.me.roles.some((r) => roles.includes(r)),
    async ensureLoaded(): Promise<Me | null> {
      if (state.loaded) return state.me
      try {
        state.me = await getMe()
      } catch {
        state.me = null
      }
      state.loaded = true
      return state.me
    },
    async login(data: LoginReq): Promise<Me> {
      const { user } = await apiLogin(data)
      state.me = user
      state.loaded = true
      return user
    },
    async logout(): Promise<void> {
      try {
        await apiLogout()
      } finally {
        this.clear()
      }
    },
    clear() {
      state.me = null
      state.loaded = true
    },
  }
}
