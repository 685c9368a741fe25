/**
 * The front matter form's date field. The author types into it freely: it is left alone while
 * it has the focus (a date typed segment by segment passes through dates nobody means, years 2,
 * 20 and 202, and through an empty value), and only a whole date with a four-digit year, or the
 * field cleared on purpose, is handed on. Out of focus it shows the date the text holds.
 */
import { useEffect, useRef } from 'react'
import { dateToWrite } from '../editor/frontMatterForm'

/** Props: the date the text holds ('YYYY-MM-DD' or ''), and what to do with a date typed. */
export interface DateFieldProps {
  value: string
  onDate: (day: string) => void
}

export function DateField({ value, onDate }: DateFieldProps) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const element = input.current
    if (element && document.activeElement !== element && element.value !== value)
      element.value = value
  }, [value])
  return (
    <input
      ref={input}
      type="date"
      data-testid="fm-date"
      defaultValue={value}
      onChange={(e) => {
        if (dateToWrite(e.target.value, e.target.validity.badInput)) onDate(e.target.value)
      }}
      onBlur={(e) => {
        // A half-typed date that never reached the text goes back to the text's date.
        if (e.target.value !== value) e.target.value = value
      }}
    />
  )
}
