// The rule settings form, free of UI code: what is sent (the server refuses the read-only name and customised
// flags), where a field error belongs, which thresholds a rule has, and what changed between two versions
// (to tell a person whose save met someone else's what the other person changed).
import type { RuleCode, ThresholdUnit, WarningLevel, WarningRuleInput, WarningRuleSettingsInput, WarningRuleSettingsVO } from '@/api/warning'

export const LEVEL_FIELDS: WarningLevel[] = ['yellow', 'orange', 'red']

// The units each rule accepts (core::UnitAllowed): the investment rule either time-progress unit.
export function unitsFor(rule: RuleCode): ThresholdUnit[] {
  switch (rule) {
    case 'investment_behind_schedule': return ['percent_of_time_progress', 'points_below_time_progress']
    case 'not_in_stats_db':
    case 'signed_not_started':
    case 'producing_not_effective': return ['months']
    default: return ['days']
  }
}

// % of time progress is the one unit where a smaller figure is worse ("below 90 %"), so yellow > orange > red.
export function fallingUnit(unit: ThresholdUnit): boolean {
  return unit === 'percent_of_time_progress'
}

// The upper bound of a threshold in this unit (core's kMaxThresholdDays / Months; percent and points 100).
export function maxThreshold(unit: ThresholdUnit): number {
  if (unit === 'days') return 3650
  if (unit === 'months') return 120
  return 100
}

export function toSettingsInput(settings: WarningRuleSettingsVO | WarningRuleSettingsInput): WarningRuleSettingsInput {
  return {
    version: settings.version,
    supervision_reply_days: settings.supervision_reply_days,
    rules: settings.rules.map(({ rule, enabled, unit, yellow, orange, red, from_month, min_total_investment }) => ({
      rule, enabled, unit, yellow, orange, red, from_month, min_total_investment,
    })),
  }
}

// The server names a rule's field "rules.<code>.<field>"; before it knows the code "rules[<index>].<field>".
export function ruleFieldKey(rule: RuleCode, field: keyof WarningRuleInput): string {
  return `rules.${rule}.${field}`
}

// The field errors of one rule's cell, wherever the server put them (by code or by index).
export function ruleFieldError(errors: Record<string, string>, rule: RuleCode, index: number, field: keyof WarningRuleInput): string {
  return errors[ruleFieldKey(rule, field)] ?? errors[`rules[${index}].${field}`] ?? ''
}

// Errors the table cannot place under a cell (a rule named twice, an unknown rule …), for the alert above it.
export function unplacedErrors(errors: Record<string, string>, rules: readonly WarningRuleInput[]): string[] {
  const placed = new Set<string>(['supervision_reply_days'])
  const fields: (keyof WarningRuleInput)[] = ['enabled', 'unit', 'yellow', 'orange', 'red', 'from_month', 'min_total_investment']
  rules.forEach((rule, index) => {
    for (const field of fields) {
      placed.add(ruleFieldKey(rule.rule, field))
      placed.add(`rules[${index}].${field}`)
    }
  })
  return Object.entries(errors).filter(([key]) => !placed.has(key)).map(([key, message]) => `${key}: ${message}`)
}

export interface RuleChange {
  rule: RuleCode | null // null: a setting of the region (the reply deadline)
  field: string
  from: unknown
  to: unknown
}

// What differs from `before` to `after`, field by field, in the order of the table.
export function settingsChanges(before: WarningRuleSettingsInput, after: WarningRuleSettingsInput): RuleChange[] {
  const changes: RuleChange[] = []
  if (before.supervision_reply_days !== after.supervision_reply_days) {
    changes.push({ rule: null, field: 'supervision_reply_days', from: before.supervision_reply_days, to: after.supervision_reply_days })
  }
  const fields: (keyof WarningRuleInput)[] = ['enabled', 'unit', 'yellow', 'orange', 'red', 'from_month', 'min_total_investment']
  for (const rule of after.rules) {
    const old = before.rules.find((r) => r.rule === rule.rule)
    if (!old) continue
    for (const field of fields) {
      if (old[field] !== rule[field]) changes.push({ rule: rule.rule, field, from: old[field], to: rule[field] })
    }
  }
  return changes
}

// My edits over the settings someone else saved meanwhile: their version (so the next save is accepted), and
// for every field I changed from what I had loaded, my value; fields I did not touch keep theirs.
export function reapply(
  loaded: WarningRuleSettingsInput,
  mine: WarningRuleSettingsInput,
  theirs: WarningRuleSettingsInput,
): WarningRuleSettingsInput {
  const merged = toSettingsInput(theirs)
  for (const change of settingsChanges(loaded, mine)) {
    if (change.rule === null) {
      merged.supervision_reply_days = change.to as number
      continue
    }
    const target = merged.rules.find((r) => r.rule === change.rule)
    if (target) (target as unknown as Record<string, unknown>)[change.field] = change.to
  }
  return merged
}

// What a save sends: the rules the region had already replaced and those changed now (whole rules); the others
// are left out so they keep following the defaults.
export function settingsToSave(
  form: WarningRuleSettingsInput,
  loaded: WarningRuleSettingsInput,
  customised: Partial<Record<RuleCode, boolean>>,
): WarningRuleSettingsInput {
  const changed = new Set(settingsChanges(loaded, form).map((change) => change.rule))
  const input = toSettingsInput(form)
  return { ...input, rules: input.rules.filter((rule) => customised[rule.rule] || changed.has(rule.rule)) }
}
