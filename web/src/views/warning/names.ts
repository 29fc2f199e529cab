// Names behind the ids a warning carries (unit, leader, responder). Units are readable by every internal role,
// the user list only by the project office and administrators: others see their own name and "user #id".
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
    load() {
      void lookups.loadUnits()
      // The user list answers 403 to the roles that may not read it; names then fall back to ids.
      if (store.hasRole('admin', 'office')) void lookups.loadLeaders()
    },
  }
}
