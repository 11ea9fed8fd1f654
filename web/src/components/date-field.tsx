/**
 * Date fields for forms: the antd date picker in zh-CN (`YYYY-MM-DD`, 一月…, 今天), never the
 * browser's own `mm/dd/yyyy` input, whose format follows the operating system's language. The form
 * value stays plain text — `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` (Beijing wall-clock time) for
 * date-and-time fields — so forms and API calls built for the old inputs keep working.
 */
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

type FieldProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'showTime'> & {
  value?: string | null;
  onChange?: (value: string) => void;
};

const DATE = 'YYYY-MM-DD';
const DATE_TIME = 'YYYY-MM-DDTHH:mm';

/** `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm` parse natively as wall-clock time; anything else is empty. */
function parse(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
}

function single(picked: Dayjs | Dayjs[] | null): Dayjs | null {
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

/** A calendar date (`YYYY-MM-DD`). */
export function DateField({ value, onChange, placeholder = '选择日期', style, ...rest }: FieldProps) {
  return (
    <DatePicker
      {...rest}
      value={parse(value)}
      onChange={(picked) => onChange?.(single(picked)?.format(DATE) ?? '')}
      format={DATE}
      placeholder={typeof placeholder === 'string' ? placeholder : '选择日期'}
      style={{ width: '100%', ...style }}
    />
  );
}

/** A date and time to the minute, read as Beijing time (`YYYY-MM-DDTHH:mm`). */
export function DateTimeField({ value, onChange, placeholder = '选择日期和时间', style, ...rest }: FieldProps) {
  return (
    <DatePicker
      {...rest}
      value={parse(value)}
      onChange={(picked) => onChange?.(single(picked)?.format(DATE_TIME) ?? '')}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      placeholder={typeof placeholder === 'string' ? placeholder : '选择日期和时间'}
      style={{ width: '100%', ...style }}
    />
  );
}
