// Field errors from the server, shown under the matching inputs via <el-form-item :error>.
// The API names fields by the JSON property of the request body, which is also the key of the
// form model, so no mapping is needed.
import { reactive, watch } from 'vue'
import { ApiError } from './request'

export function useFieldErrors(model?: Record<string, unknown>) {
  const errors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key]
  }

  // True when the error carried field errors (now shown under the inputs).
  function apply(error: unknown): boolean {
    clear()
    if (!(error instanceof ApiError) || error.fields.length === 0) return false
    Object.assign(errors, error.fieldMap())
    return true
  }

  // Editing a field takes its server error away; the next save asks the server again.
  if (model) {
    for (const key of Object.keys(model)) {
      watch(
        () => model[key],
        () => { if (errors[key]) delete errors[key] },
        { deep: true },
      )
    }
  }

  return { errors, clear, apply }
}
