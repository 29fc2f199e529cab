// Names behind the ids a warning carries (unit, leader, responder). Units are readable by every internal role,
// the user list only by the project office and administrators; a warning's detail brings the names of the people
// it names, so every reader of it sees them.
import { useI18n } from 'vue-i18n'
import { useUserStore } from '@/store/user'
import { useLookups } from '@/store/lookups'

export function useWarningNames() {
  const { t } = useI18n()
  const store = useUserStore()
  const lookups = useLookups()
  return {
    unitName: (id: number) => lookups.unitName(id) || t('project.unknown', { id }),
    // 0 or null: the system (a sweep, not a person).
    userName: (id: number | null | undefined) => {
      if (!id) return t('warning.system')
      const me = store.me.value
      if (me && id === me.id) return me.display_name || me.username
      return lookups.userName(id) || t('warning.unknownUser', { id })
    },
    // The names a warning's detail carries (`people`), so that roles without the user list see them too.
    remember(people: Record<string, string> | undefined) {
      for (const [id, name] of Object.entries(people ?? {})) lookups.rememberUser(Number(id), name)
    },
    load() {
      void lookups.loadUnits()
      // The user list answers 403 to the roles that may not read it; names then fall back to ids.
      if (store.hasRole('admin', 'office')) void lookups.loadLeaders()
    },
  }
}
