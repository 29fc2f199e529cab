// The state both spreadsheet import dialogs (台账, 月报) share: the chosen file, the server's answer, busy
// and error. Choosing a file runs the dry run at once; `settle` looks at every answer and says whether the
// dialog is done (a committed import), which closes it.
import { ref, type Ref } from 'vue'
import type { UploadFile } from 'element-plus'
import { ApiError } from '@/utils/request'

export function useSpreadsheetImport<Mode extends string, Answer>(
  send: (file: File, mode: Mode) => Promise<Answer>,
  dryRun: Mode,
  settle: (answer: Answer, mode: Mode) => boolean,
) {
  const visible = ref(false)
  const file = ref<File | null>(null)
  const busy = ref(false)
  const report = ref(null) as Ref<Answer | null>
  const error = ref('')

  function open() {
    visible.value = true
    file.value = null
    report.value = null
    error.value = ''
  }

  function onChange(upload: UploadFile) {
    file.value = upload.raw ?? null
    report.value = null
    error.value = ''
    if (file.value) void run(dryRun)
  }

  async function run(mode: Mode) {
    if (!file.value) return
    busy.value = true
    error.value = ''
    try {
      const answer = await send(file.value, mode)
      report.value = answer
      if (settle(answer, mode)) visible.value = false
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  return { visible, file, busy, report, error, open, onChange, run }
}
