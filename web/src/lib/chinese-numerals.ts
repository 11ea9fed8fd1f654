/**
 * Chinese numerals as legal texts write article numbers: 45 → 四十五, 10 → 十, 105 → 一百零五.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** Writes a positive integer below 10 000 in Chinese numerals (其余数值按阿拉伯数字输出). */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value >= 10_000) return String(value);
  const digits = String(value).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += `${DIGITS[digit] ?? ''}${unit}`;
  });
  // 10–19 are written 十, 十一 … not 一十, 一十一.
  return out.startsWith('一十') ? out.slice(1) : out;
}
