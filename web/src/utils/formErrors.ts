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

// The save step every form dialog shares: check the form, run `save`, show field errors under the
// inputs, and when someone else saved first (409) load his record so the person decides again.
// Resolves true when saved.
export async function saveVersioned<T extends { version: number }>(options: {
  form: { validate: () => Promise<unknown> } | undefined
  saving: { value: boolean }
  apply: (error: unknown) => boolean
  reload: (current: T) => void
  save: () => Promise<unknown>
}): Promise<boolean> {
  if (!(await options.form?.validate().catch(() => false))) return false
  options.saving.value = true
  try {
    await options.save()
    return true
  } catch (error) {
    options.apply(error)
    if (error instanceof ApiError && error.code === 'conflict' && error.current) options.reload(error.current as T)
    return false
  } finally {
    options.saving.value = false
  }
}
