/**
 * Half-up rounding for published figures (39.065% → 39.07%), and fixed-decimal display.
 *
 * `Number.prototype.toFixed` rounds the binary value (1.005 is 1.00499999999999989…, so
 * 1.005.toFixed(2) === '1.00'), and Math.round(x * 100) / 100 fails the same way. Here the value is
 * first read as a decimal of 15 significant digits, the precision a double reliably carries (as
 * Excel does), which also absorbs arithmetic noise like 0.1 + 0.2; rounding then happens on those
 * decimal digits. Halves round away from zero (−1.005 → −1.01), as 四舍五入 does on magnitudes.
 */

const MAX_DECIMALS = 20

interface RoundedDigits {
  negative: boolean
  /** The rounded magnitude as an integer digit string, scaled by 10^decimals. */
  digits: string
}

function roundDigits(value: number, decimals: number): RoundedDigits {
  const negative = value < 0
  // '1.00500000000000' or '1.23456789012346e+21' / '1.20000000000000e-7'
  const precise = Math.abs(value).toPrecision(15)
  const exponentAt = precise.indexOf('e')
  const mantissa = exponentAt < 0 ? precise : precise.slice(0, exponentAt)
  const exponent = exponentAt < 0 ? 0 : Number(precise.slice(exponentAt + 1))
  const dot = mantissa.indexOf('.')
  const allDigits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  // Number of digits before the decimal point in allDigits, after applying the exponent.
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent
  const keep = pointAt + decimals
  if (keep < 0) return { negative, digits: '0' }
  let kept = allDigits.slice(0, keep).padEnd(keep, '0')
  const next = keep < allDigits.length ? allDigits.charCodeAt(keep) - 0x30 : 0
  if (next >= 5) kept = increment(kept)
  kept = kept.replace(/^0+(?=\d)/, '')
  return { negative: negative && /[1-9]/.test(kept), digits: kept === '' ? '0' : kept }
}

/** Adds one to a decimal digit string ('099' → '100', '' → '1'). */
function increment(digits: string): string {
  const chars = digits.split('')
  let index = chars.length - 1
  while (index >= 0) {
    if (chars[index] === '9') {
      chars[index] = '0'
      index--
    } else {
      chars[index] = String.fromCharCode(chars[index].charCodeAt(0) + 1)
      return chars.join('')
    }
  }
  return '1' + chars.join('')
}

function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`小数位数应为 0–${MAX_DECIMALS} 的整数：${decimals}`)
  }
  return decimals
}

/**
 * Rounds half up (away from zero) at `decimals` places. Non-finite values are returned unchanged.
 *
 * @example roundHalfUp(1.005, 2) === 1.01
 * @example roundHalfUp(39.065, 2) === 39.07
 * @example roundHalfUp(-2.5, 0) === -3
 */
export function roundHalfUp(value: number, decimals: number): number {
  checkDecimals(decimals)
  if (!Number.isFinite(value)) return value
  const { negative, digits } = roundDigits(value, decimals)
  const result = Number(`${negative ? '-' : ''}${digits}e-${decimals}`)
  return result === 0 ? 0 : result
}

/**
 * Half-up rounding rendered with exactly `decimals` places; null, undefined, NaN and ±Infinity
 * (an empty base, a division by zero) render as '—', never 'NaN' or '0.00'.
 *
 * @example formatFixed(39.065, 2) === '39.07'
 * @example formatFixed(2, 1) === '2.0'
 * @example formatFixed(null, 1) === '—'
 */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  checkDecimals(decimals)
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const { negative, digits } = roundDigits(value, decimals)
  const padded = digits.padStart(decimals + 1, '0')
  const integer = padded.slice(0, padded.length - decimals)
  const fraction = padded.slice(padded.length - decimals)
  return `${negative ? '-' : ''}${integer}${decimals > 0 ? '.' + fraction : ''}`
}
