// The ECharts parts the dashboard draws with, registered once (tree-shaken like ../progress/charts.ts): bars and
// lines, the pie of warning levels, the map (geo + scatter) and the milestone chart (custom series).
import 'vue-echarts/style.css'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, CustomChart, LineChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent, GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
} from 'echarts/components'

use([
  CanvasRenderer, BarChart, LineChart, PieChart, ScatterChart, CustomChart,
  GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, DataZoomComponent,
])

export { registerMap, graphic } from 'echarts/core'
export { default as VChart } from 'vue-echarts'
