/** A scrolling list that renders only the rows in view, so ten thousand rows scroll smoothly. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { listWindow } from '../state/listWindow'

/** Props: the items, their fixed row height, and how one row renders. */
export interface VirtualListProps<T> {
  items: readonly T[]
  rowHeight: number
  keyOf: (item: T) => string
  renderRow: (item: T, index: number) => ReactNode
  /** Index to keep in view (the open article), scrolled to when it changes. */
  revealIndex?: number
  className?: string
  testId?: string
  label?: string
}

/** Renders the visible window of `items` between two spacers inside a scrolling box. */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, revealIndex } = props
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    setHeight(element.clientHeight || 600)
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const element = box.current
    if (!element || revealIndex === undefined || revealIndex < 0) return
    const top = revealIndex * rowHeight
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight
  }, [revealIndex, rowHeight])

  const window = listWindow(items.length, rowHeight, scrollTop, height)
  const rows: ReactNode[] = []
  for (let index = window.start; index < window.end; index++) {
    const item = items[index] as T
    rows.push(
      <li
        key={props.keyOf(item)}
        style={{ height: rowHeight }}
        aria-posinset={index + 1}
        aria-setsize={items.length}
      >
        {props.renderRow(item, index)}
      </li>,
    )
  }
  return (
    <div
      ref={box}
      className={`virtual-list ${props.className ?? ''}`}
      data-testid={props.testId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        aria-label={props.label}
        style={{ paddingTop: window.padTop, paddingBottom: window.padBottom }}
      >
        {rows}
      </ul>
    </div>
  )
}
