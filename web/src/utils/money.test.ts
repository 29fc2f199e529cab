import { describe, expect, it } from 'vitest'
import { formatWan, formatYi, parseWan } from './money'

describe('formatWan', () => {
  it('shows whole yuan in 万元 with two decimals', () => {
    expect(formatWan(12_345_678)).toBe('1,234.57')
    expect(formatWan(10_000)).toBe('1.00')
    expect(formatWan(0)).toBe('0.00')
  })

  it('rounds half away from zero on the exact decimal, not the float', () => {
    expect(formatWan(12_345)).toBe('1.23') // 1.2345 → 1.23
    expect(formatWan(12_350)).toBe('1.24') // 1.235 exactly → up (binary float would give 1.23)
    expect(formatWan(-12_350)).toBe('-1.24')
    expect(formatWan(-49)).toBe('0.00') // no "-0.00"
  })

  it('keeps integers beyond 2^53 exact when given as a string or bigint', () => {
    expect(formatWan('123456789012345678')).toBe('12,345,678,901,234.57')
    expect(formatWan(123456789012345678n, { grouping: false })).toBe('12345678901234.57')
  })

  it('gives nothing for a missing or fractional amount rather than a wrong figure', () => {
    expect(formatWan(null)).toBe('')
    expect(formatWan(undefined)).toBe('')
    expect(formatWan(1.5)).toBe('')
    expect(formatWan('12a')).toBe('')
  })
})

describe('formatYi', () => {
  it('shows whole yuan in 亿元', () => {
    expect(formatYi(46_500_000_000)).toBe('465.00') // the seed's 465亿元
    expect(formatYi(513_000_000)).toBe('5.13') // 5.13亿元 of policy benefits
    expect(formatYi(1_234_567_890_123, { decimals: 1 })).toBe('12,345.7')
  })
})

describe('parseWan', () => {
  it('turns typed 万元 into whole yuan', () => {
    expect(parseWan('1,234.5678')).toBe(12_345_678)
    expect(parseWan(' 3.5 ')).toBe(35_000)
    expect(parseWan('-2')).toBe(-20_000)
    expect(parseWan('0.0001')).toBe(1)
  })

  it('refuses text that is not an amount or finer than one yuan', () => {
    expect(parseWan('')).toBeNull()
    expect(parseWan('abc')).toBeNull()
    expect(parseWan('1.23456')).toBeNull()
    expect(parseWan('1e5')).toBeNull()
  })

  it('round-trips with formatWan', () => {
    for (const yuan of [0, 1, 9_999, 10_000, 123_456_789]) {
      expect(parseWan(formatWan(yuan, { decimals: 4 }))).toBe(yuan)
    }
  })
})
