// Money arrives from the API as whole yuan (integers). Staff read it in 万元 (10^4 yuan) or
// 亿元 (10^8 yuan) with two decimals. The conversion is exact decimal arithmetic on the integer
// (BigInt), rounding half away from zero, so 12345 yuan is 1.23 万元 and never 1.2344999….

const WAN = 10_000n
const YI = 100_000_000n

function toBigInt(yuan: number | bigint | string): bigint | null {
  if (typeof yuan === 'bigint') return yuan
  if (typeof yuan === 'number') return Number.isSafeInteger(yuan) ? BigInt(yuan) : null
  return /^-?\d+$/.test(yuan.trim()) ? BigInt(yuan.trim()) : null
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

// Divides by `unit`, rounds to `decimals` places, half away from zero.
function scaled(yuan: bigint, unit: bigint, decimals: number, grouping: boolean): string {
  const negative = yuan < 0n
  const magnitude = negative ? -yuan : yuan
  const factor = 10n ** BigInt(decimals)
  const hundredths = (magnitude * factor * 2n + unit) / (unit * 2n)
  const whole = (hundredths / factor).toString()
  const fraction = (hundredths % factor).toString().padStart(decimals, '0')
  const sign = negative && hundredths !== 0n ? '-' : ''
  const integerPart = grouping ? groupThousands(whole) : whole
  return decimals > 0 ? `${sign}${integerPart}.${fraction}` : `${sign}${integerPart}`
}

export interface MoneyFormatOptions {
  decimals?: number // default 2
  grouping?: boolean // thousands separators, default true
}

// 12345678 → "1,234.57" (万元). Returns "" for null/undefined or a value that is not a whole number.
export function formatWan(yuan: number | bigint | string | null | undefined, options: MoneyFormatOptions = {}): string {
  if (yuan === null || yuan === undefined) return ''
  const value = toBigInt(yuan)
  if (value === null) return ''
  return scaled(value, WAN, options.decimals ?? 2, options.grouping ?? true)
}

// 46500000000 → "465.00" (亿元).
export function formatYi(yuan: number | bigint | string | null | undefined, options: MoneyFormatOptions = {}): string {
  if (yuan === null || yuan === undefined) return ''
  const value = toBigInt(yuan)
  if (value === null) return ''
  return scaled(value, YI, options.decimals ?? 2, options.grouping ?? true)
}

// What a person types in a 万元 field ("1,234.5678") → whole yuan (12345678), or null when the
// text is not a number with at most four decimals (a 万元 figure has no finer unit than 1 yuan).
export function parseWan(text: string): number | null {
  const cleaned = text.replace(/[,，\s]/g, '')
  const match = /^(-?)(\d+)(?:\.(\d{0,4}))?$/.exec(cleaned)
  if (!match) return null
  const [, sign, whole, fraction = ''] = match
  const yuan = BigInt(whole) * WAN + BigInt(fraction.padEnd(4, '0') || '0')
  const result = Number(sign ? -yuan : yuan)
  return Number.isSafeInteger(result) ? result : null
}
