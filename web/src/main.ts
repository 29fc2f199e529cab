import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import App from './App.vue'
import { router, goToLogin } from './router'
import { i18n, applyDocumentLocale } from './locales'
import { setRequestHooks } from './utils/request'
import './styles/index.css'

setRequestHooks({
  notify: (message) => { ElMessage({ type: 'error', message, grouping: true }) },
  onUnauthenticated: goToLogin,
})

const app = createApp(App)
app.use(i18n)
app.use(router)
applyDocumentLocale()
app.mount('#app')
