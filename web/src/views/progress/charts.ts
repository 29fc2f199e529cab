// The ECharts parts the plan, progress and milestone pages draw with, registered once.
import 'vue-echarts/style.css'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'

use([
  CanvasRenderer, BarChart, LineChart, ScatterChart, CustomChart,
  GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, DataZoomComponent,
])

export const CHART_COLORS = {
  planned: '#93c5fd',
  completed: '#1d4ed8',
  cumPlanned: '#d97706',
  cumCompleted: '#059669',
  late: '#c8102e',
  done: '#059669',
  today: '#c8102e',
} as const

export { default as VChart } from 'vue-echarts'
