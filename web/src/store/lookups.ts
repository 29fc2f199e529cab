// Names behind the ids the project API returns (lead unit, leader, enterprise), loaded once per
// page load and shared by the ledger, the detail page and the campaign pages.
//
// The project JSON carries ids only; units are readable by every internal role, but the user list
// (for leader names) only by the project office and administrators, so other roles see a leader's
// number unless a roster line named him. Enterprises are fetched one by one, on demand.
import { reactive } from 'vue'
import { getOrgUnitList, type OrgUnitVO } from '@/api/orgunit'
import { getUserPage, type UserVO } from '@/api/user'
import { getEnterprise, getEnterprisePage, type EnterpriseVO } from '@/api/enterprise'
import { getPeriods, type PeriodVO } from '@/api/campaign'

interface Lookups {
  units: OrgUnitVO[]
  leaders: UserVO[]
  leadersReadable: boolean
  periods: PeriodVO[]
  enterprises: Record<number, string>
  userNames: Record<number, string> // leaders named by roster lines, for roles that cannot list users
}

const state = reactive<Lookups>({
  units: [],
  leaders: [],
  leadersReadable: true,
  periods: [],
  enterprises: {},
  userNames: {},
})

let unitsLoad: Promise<void> | null = null
let leadersLoad: Promise<void> | null = null
let periodsLoad: Promise<void> | null = null

export function useLookups() {
  return {
    state,
    loadUnits(): Promise<void> {
      unitsLoad ??= getOrgUnitList({ silent: true }).then(
        (units) => { state.units = units },
        () => { state.units = [] },
      )
      return unitsLoad
    },
    loadLeaders(): Promise<void> {
      leadersLoad ??= getUserPage({ page: 1, page_size: 500 }, { silent: true }).then(
        (page) => {
          state.leaders = page.items.filter((u) => u.roles.includes('leader'))
          for (const u of page.items) state.userNames[u.id] = u.display_name || u.username
        },
        () => {
          state.leaders = []
          state.leadersReadable = false
        },
      )
      return leadersLoad
    },
    loadPeriods(force = false): Promise<void> {
      if (force) periodsLoad = null
      periodsLoad ??= getPeriods().then(
        (page) => { state.periods = [...page.items].sort((a, b) => a.number - b.number) },
        () => { state.periods = [] },
      )
      return periodsLoad
    },
    // Fills the names of these enterprises (ids the cache does not know yet).
    async loadEnterprises(ids: number[]): Promise<void> {
      const wanted = [...new Set(ids)].filter((id) => id > 0 && !(id in state.enterprises))
      await Promise.all(
        wanted.map((id) =>
          getEnterprise(id, { silent: true }).then(
            (e) => { state.enterprises[id] = e.name },
            () => { state.enterprises[id] = '' },
          ),
        ),
      )
    },
    async searchEnterprises(q: string): Promise<EnterpriseVO[]> {
      const page = await getEnterprisePage({ page: 1, page_size: 20, q, sort: 'name' })
      for (const e of page.items) state.enterprises[e.id] = e.name
      return page.items
    },
    rememberUser(id: number, name: string) {
      if (id && name && !state.userNames[id]) state.userNames[id] = name
    },
    unitName(id: number): string {
      return state.units.find((u) => u.id === id)?.name ?? ''
    },
    userName(id: number): string {
      return state.userNames[id] ?? ''
    },
    enterpriseName(id: number): string {
      return state.enterprises[id] ?? ''
    },
  }
}
