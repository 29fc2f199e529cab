// The dashboard's figures for the chosen year: one call to /api/v1/dashboard, again whenever the year changes and
// every REFRESH_SECONDS while the tab is visible (a hidden tab pauses, and catches up as soon as it is shown). A
// failed refresh keeps the last figures and says so. The zone outline is registered with ECharts under `mapName`
// before the figures change, so the map never asks for a map that is not there yet.
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { getDashboard, type DashboardVO } from '@/api/dashboard'
import { todayInShanghai } from '@/utils/project'
import { outlineFeatureCollection, refreshDue } from './dashboard'
import { registerMap } from './charts'

export const REFRESH_SECONDS = 60
const TICK_MS = 5_000 // how often the refresh is checked for

export function useDashboard() {
  const { locale } = useI18n()
  const thisYear = Number(todayInShanghai().slice(0, 4))
  const years = [thisYear - 2, thisYear - 1, thisYear]
  const year = ref(thisYear)
  const data = ref<DashboardVO | null>(null)
  const loading = ref(false)
  const failed = ref(false)
  const lastLoaded = ref<number | null>(null)
  const hidden = ref(typeof document !== 'undefined' && document.hidden)
  const mapName = ref('')

  async function load() {
    loading.value = true
    try {
      const answer = await getDashboard(year.value)
      if (answer.map.outline) {
        const name = `sanpi-${answer.region.code}`
        registerMap(name, outlineFeatureCollection(answer.map.outline, answer.region.name) as never)
        mapName.value = name
      } else {
        mapName.value = ''
      }
      data.value = answer
      failed.value = false
      lastLoaded.value = Date.now()
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }

  let timer: number | undefined
  function tick() {
    if (!loading.value && refreshDue(lastLoaded.value, Date.now(), REFRESH_SECONDS * 1000, document.hidden)) void load()
  }
  function onVisibility() {
    hidden.value = document.hidden
    tick()
  }

  onMounted(() => {
    void load()
    timer = window.setInterval(tick, TICK_MS)
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    window.clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })
  watch(year, () => void load())

  // The time of the last good load, as the header shows it.
  const updatedAt = computed(() =>
    lastLoaded.value === null ? '' : new Date(lastLoaded.value).toLocaleTimeString(locale.value === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }),
  )

  return { years, year, data, loading, failed, hidden, mapName, updatedAt, load }
}
