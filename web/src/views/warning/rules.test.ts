import { describe, expect, it } from 'vitest'
import type { WarningRuleSettingsInput, WarningRuleSettingsVO } from '@/api/warning'
import { reapply, ruleFieldError, settingsChanges, settingsToSave, toSettingsInput, unitsFor, unplacedErrors } from './rules'

const settings = (over: Partial<WarningRuleSettingsInput> = {}): WarningRuleSettingsInput => ({
  version: 3,
  supervision_reply_days: 5,
  rules: [
    { rule: 'report_late', enabled: true, unit: 'days', yellow: 1, orange: 3, red: 5, from_month: 3, min_total_investment: 5_000_000 },
    { rule: 'not_in_stats_db', enabled: true, unit: 'months', yellow: 1, orange: null, red: 2, from_month: 3, min_total_investment: 5_000_000 },
  ],
  ...over,
})
const copy = (s: WarningRuleSettingsInput) => JSON.parse(JSON.stringify(s)) as WarningRuleSettingsInput

describe('rule settings', () => {
  it('sends only what the server takes', () => {
    const vo: WarningRuleSettingsVO = {
      ...settings(),
      rules: settings().rules.map((r) => ({ ...r, name: { zh: 'x', en: 'x' }, customised: true })),
    }
    const input = toSettingsInput(vo)
    expect(Object.keys(input.rules[0]).sort()).toEqual(
      ['enabled', 'from_month', 'min_total_investment', 'orange', 'red', 'rule', 'unit', 'yellow'],
    )
  })

  it('places field errors on their cell, by code or by index, and lists the rest', () => {
    const errors = { 'rules.report_late.orange': '阈值应高于黄色阈值', 'rules[1].red': '应为整数', 'rules.report_late': '规则重复', supervision_reply_days: 'x' }
    expect(ruleFieldError(errors, 'report_late', 0, 'orange')).toBe('阈值应高于黄色阈值')
    expect(ruleFieldError(errors, 'not_in_stats_db', 1, 'red')).toBe('应为整数')
    expect(ruleFieldError(errors, 'report_late', 0, 'red')).toBe('')
    expect(unplacedErrors(errors, settings().rules)).toEqual(['rules.report_late: 规则重复'])
  })

  it('lists the changes between two versions', () => {
    const after = copy(settings())
    after.rules[0].orange = 4
    after.rules[1].orange = 2
    after.supervision_reply_days = 7
    expect(settingsChanges(settings(), after)).toEqual([
      { rule: null, field: 'supervision_reply_days', from: 5, to: 7 },
      { rule: 'report_late', field: 'orange', from: 3, to: 4 },
      { rule: 'not_in_stats_db', field: 'orange', from: null, to: 2 },
    ])
  })

  it('reapplies my changes over theirs with their version, keeping what they changed and I did not', () => {
    const loaded = settings()
    const mine = copy(loaded)
    mine.rules[0].red = 10
    const theirs = copy(loaded)
    theirs.version = 4
    theirs.rules[0].yellow = 2
    theirs.rules[1].enabled = false
    const merged = reapply(loaded, mine, theirs)
    expect(merged.version).toBe(4)
    expect(merged.rules[0]).toMatchObject({ yellow: 2, orange: 3, red: 10 })
    expect(merged.rules[1].enabled).toBe(false)
    expect(theirs.rules[0].red).toBe(5) // not modified in place
  })

  it('offers the investment rule either time-progress unit and the others their own', () => {
    expect(unitsFor('investment_behind_schedule')).toEqual(['percent_of_time_progress', 'points_below_time_progress'])
    expect(unitsFor('signed_not_started')).toEqual(['months'])
    expect(unitsFor('task_overdue')).toEqual(['days'])
  })
})

describe('settingsToSave', () => {
  it('sends the rules already replaced and those changed now, leaving the others on the defaults', () => {
    const loaded = settings()
    const form = copy(loaded)
    expect(settingsToSave(form, loaded, {}).rules).toEqual([])
    form.rules[1].red = 3
    expect(settingsToSave(form, loaded, {}).rules.map((r) => r.rule)).toEqual(['not_in_stats_db'])
    expect(settingsToSave(form, loaded, { report_late: true }).rules.map((r) => r.rule)).toEqual(['report_late', 'not_in_stats_db'])
    form.supervision_reply_days = 9
    expect(settingsToSave(form, loaded, {})).toMatchObject({ supervision_reply_days: 9, version: 3 })
  })
})
