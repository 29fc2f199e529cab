import { describe, expect, it } from 'vitest'
import type { StageRecord } from '@/api/project'
import { datesNeeded, formatSize, nextStages, ratePercent, todayInShanghai } from './project'

const record = (stage: StageRecord['stage'], dates: Partial<StageRecord> = {}): StageRecord => ({
  stage,
  signed_on: null,
  fulfilled_on: null,
  started_on: null,
  producing_on: null,
  effective_on: null,
  withdrawn_on: null,
  withdrawal_reason: '',
  ...dates,
})

describe('nextStages', () => {
  it('offers only later stages and withdrawal', () => {
    expect(nextStages('started')).toEqual(['producing', 'effective', 'withdrawn'])
    expect(nextStages('reserve')).toEqual(['signed', 'started', 'producing', 'effective', 'withdrawn'])
  })
  it('offers nothing to a withdrawn project and no withdrawal to an effective one', () => {
    expect(nextStages('withdrawn')).toEqual([])
    expect(nextStages('effective')).toEqual([])
  })
})

describe('datesNeeded', () => {
  it('asks for the dates of the stages skipped on the way', () => {
    expect(datesNeeded(record('reserve'), 'started')).toEqual([])
    expect(datesNeeded(record('reserve'), 'effective')).toEqual(['started_on', 'producing_on'])
    expect(datesNeeded(record('started', { started_on: '2024-01-01' }), 'effective')).toEqual(['producing_on'])
  })
  it('asks a signed project without 履约 for its fulfilment date before it starts', () => {
    expect(datesNeeded(record('signed', { signed_on: '2024-01-01' }), 'started')).toEqual(['fulfilled_on'])
    expect(datesNeeded(record('signed', { signed_on: '2024-01-01', fulfilled_on: '2024-02-01' }), 'started')).toEqual([])
    expect(datesNeeded(record('signed', { signed_on: '2024-01-01' }), 'withdrawn')).toEqual([])
  })
})

describe('ratePercent and formatSize', () => {
  it('turns per-mille into a percentage and keeps a missing denominator missing', () => {
    expect(ratePercent({ numerator: 6, denominator: 7, per_mille: 857, text: '85.7%' })).toBe(85.7)
    expect(ratePercent({ numerator: 0, denominator: 0, per_mille: null, text: '—' })).toBeNull()
  })
  it('reads sizes in B, KB and MB', () => {
    expect(formatSize(980)).toBe('980 B')
    expect(formatSize(12_595)).toBe('12.3 KB')
    expect(formatSize(1_048_576)).toBe('1.0 MB')
  })
  it('gives the date in Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2024-03-31T17:00:00Z'))).toBe('2024-04-01')
  })
})
