/**
 * Run by date-tz.test.ts in child processes under different TZ values: prints the results of the
 * date helpers as JSON so the parent can check they do not depend on the local time zone.
 */
import { dayNumber, excelSerialToDate, fromDayNumber, parseDate } from '../../../shared/values/date.ts'
import { parseCell } from '../../../shared/values/parse-cell.ts'

const inputs = [
  '2024-01-05',
  '2024/1/5',
  '2024年1月5日',
  '20240105',
  '2024-01-05 00:00:00',
  '2024-01-05T00:00:00',
  '2024-01-04T16:00:00.000Z',
  '2024-03-10T02:30:00',
  '2024-11-03 01:30',
  '45292',
  '2023-02-29',
]
const result = {
  offsetMinutes: new Date(2024, 0, 1).getTimezoneOffset(),
  parsed: inputs.map((text) => parseDate(text)),
  cells: inputs.map((text) => parseCell('date', text).value),
  serials: [1, 59, 60, 61, 45292].map((serial) => excelSerialToDate(serial)),
  days: ['1970-01-01', '2024-01-01', '2024-03-10', '2024-11-03'].map((text) => dayNumber(text)),
  back: [0, 19723, 19792, 20030].map((day) => fromDayNumber(day)),
}
process.stdout.write(JSON.stringify(result))
