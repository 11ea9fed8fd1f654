/**
 * Chinese numerals as law texts and citations write them: article numbers (第四十五条), order
 * numbers (主席令第二十八号), item numbers (（四）). Reads the common spellings, writes the standard one.
 */

/** Digit characters: ordinary (〇一二…, 零, 两) and the financial forms (壹贰叁…) used on documents. */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['零', 0],
  ['○', 0],
  ['一', 1],
  ['壹', 1],
  ['二', 2],
  ['两', 2],
  ['贰', 2],
  ['貳', 2],
  ['三', 3],
  ['叁', 3],
  ['參', 3],
  ['四', 4],
  ['肆', 4],
  ['五', 5],
  ['伍', 5],
  ['六', 6],
  ['陆', 6],
  ['陸', 6],
  ['七', 7],
  ['柒', 7],
  ['八', 8],
  ['捌', 8],
  ['九', 9],
  ['玖', 9],
]);

/** Units inside a section of four digits. */
const SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['拾', 10],
  ['百', 100],
  ['佰', 100],
  ['千', 1000],
  ['仟', 1000],
]);

/** Units that close a section: 万 (10^4) and 亿 (10^8). */
const SECTION_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 10_000],
  ['萬', 10_000],
  ['亿', 100_000_000],
  ['億', 100_000_000],
]);

const ARABIC = /^[0-9０-９]+$/;

/**
 * The value of a number written in Chinese numerals (十五, 一百零五, 两万, 壹佰), Arabic digits (45)
 * or full-width digits (４５), or null when the text is not such a number. Also reads the
 * digit-by-digit form of years (二〇一三) and the colloquial abbreviation 一百五 (= 150).
 * A number past 2^53 is null too: no article, year or serial is that large, and it could not be
 * held exactly (第99999999999999999999条 once became an article number the contract refuses).
 */
export function parseChineseNumber(s: string): number | null {
  const value = readNumber(s);
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

function readNumber(s: string): number | null {
  const text = s.trim();
  if (text === '') return null;
  if (ARABIC.test(text)) {
    // Full-width digits sit at a fixed offset from ASCII ones.
    const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    return Number(ascii);
  }
  const chars = [...text];
  if (chars.every((c) => DIGITS.has(c))) return readDigitByDigit(chars);
  return readWithUnits(chars);
}

/** 二〇一三 → 2013: every character is a digit, read positionally. */
function readDigitByDigit(chars: string[]): number {
  return chars.reduce((value, c) => value * 10 + (DIGITS.get(c) ?? 0), 0);
}

/**
 * Reads the unit form section by section: each 亿/万 closes a section whose value (below 10 000) is
 * multiplied by that unit. Section units must fall (一万一亿 is not a number).
 */
function readWithUnits(chars: string[]): number | null {
  let total = 0;
  let lastSectionUnit = Number.POSITIVE_INFINITY;
  let section: string[] = [];
  // The section just closed, to read the abbreviation 两万五 (= 25 000) after it.
  let previousUnit: number | null = null;
  for (const c of chars) {
    const unit = SECTION_UNITS.get(c);
    if (unit === undefined) {
      section.push(c);
      continue;
    }
    if (unit >= lastSectionUnit) return null;
    const value = readSection(section, null);
    // 万 alone is not a number, but 十万 and 一亿零五万 are.
    if (value === null || value === 0) return null;
    total += value * unit;
    lastSectionUnit = unit;
    previousUnit = unit;
    section = [];
  }
  if (section.length === 0) return previousUnit === null ? null : total;
  const rest = readSection(section, previousUnit);
  if (rest === null) return null;
  return total + rest;
}

/**
 * Value of one section below 10 000 (e.g. 三千零五, 十五, 一百五). `closedUnit` is the section unit
 * before it (万 in 两万五), so that a bare trailing digit reads as the next lower place.
 */
function readSection(chars: string[], closedUnit: number | null): number | null {
  if (chars.length === 0) return 0;
  let value = 0;
  let pendingDigit: number | null = null;
  let lastUnit = 10_000;
  let sawZeroSinceUnit = false;
  for (const c of chars) {
    const digit = DIGITS.get(c);
    if (digit !== undefined) {
      if (digit === 0) {
        // 零 marks a gap (一百零五); a digit may not precede it (五零 is no unit form).
        if (pendingDigit !== null) return null;
        sawZeroSinceUnit = true;
      } else {
        // Two non-zero digits in a row (一二十) are no number.
        if (pendingDigit !== null) return null;
        pendingDigit = digit;
      }
      continue;
    }
    const unit = SMALL_UNITS.get(c);
    if (unit === undefined || unit >= lastUnit) return null;
    // 十 without a digit means one ten (十五, 一百十五); other units need their digit.
    const multiplier = pendingDigit ?? (unit === 10 ? 1 : null);
    if (multiplier === null) return null;
    value += multiplier * unit;
    lastUnit = unit;
    pendingDigit = null;
    sawZeroSinceUnit = false;
  }
  // a trailing 零 (一百零) is incomplete
  if (pendingDigit === null) return sawZeroSinceUnit ? null : value;
  // after 零 the digit is a unit digit: 一百零五 = 105
  if (sawZeroSinceUnit) return value + pendingDigit;
  // 一百五 = 150, 三千二 = 3200: a bare digit right after a unit takes the next lower place.
  if (value > 0) return value + pendingDigit * (lastUnit / 10);
  // Only a digit after a section unit: 两万五 = 25 000.
  return closedUnit === null ? pendingDigit : pendingDigit * (closedUnit / 10);
}

const DIGIT_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const PLACE_NAMES = ['', '十', '百', '千'] as const;
const SECTION_NAMES = ['', '万', '亿'] as const;

/**
 * The standard Chinese form of a non-negative integer as law texts write it: 十 (not 一十) at the
 * head, 零 for each run of missing places (一百零五, 一千零一, 一万零一百), 一十 inside (一百一十).
 * Throws RangeError for a negative, fractional or too large (≥ 10^12, 万亿) value.
 */
export function toChineseNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`toChineseNumber: ${n} is not an integer from 0 to 10^12 - 1`);
  if (n === 0) return DIGIT_NAMES[0];
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let out = '';
  // Whether a zero is owed before the next non-zero section (一万零五, 一亿零五万).
  let owesZero = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i] ?? 0;
    if (section === 0) {
      if (out !== '') owesZero = true;
      continue;
    }
    if (out !== '' && (owesZero || section < 1000)) out += DIGIT_NAMES[0];
    out += writeSection(section, out === '') + (SECTION_NAMES[i] ?? '');
    owesZero = false;
  }
  return out;
}

/** One section below 10 000; `isLeading` drops the 一 of a leading 一十 (十五, 十万). */
function writeSection(section: number, isLeading: boolean): string {
  const digits = [Math.floor(section / 1000), Math.floor(section / 100) % 10, Math.floor(section / 10) % 10, section % 10];
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const place = 3 - index;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      return;
    }
    if (pendingZero) out += DIGIT_NAMES[0];
    pendingZero = false;
    const isBareTen = place === 1 && digit === 1 && out === '' && isLeading;
    out += (isBareTen ? '' : (DIGIT_NAMES[digit] ?? '')) + (PLACE_NAMES[place] ?? '');
  });
  return out;
}
