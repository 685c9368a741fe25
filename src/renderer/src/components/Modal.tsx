/** A modal dialog inside the app window (never window.prompt/confirm). */
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

/** Props of a modal: its title, content, and what Escape or the backdrop does. */
export interface ModalProps {
  title: string
  children: ReactNode
  onDismiss?: () => void
  wide?: boolean
  testId?: string
}

/** Renders a focused, labelled dialog over the app; Escape calls `onDismiss` when given. */
export function Modal({ title, children, onDismiss, wide, testId }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, button')
    first?.focus()
  }, [])
  return (
    <div
      className="modal-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onDismiss) onDismiss()
      }}
    >
      <div
        ref={ref}
        className={wide ? 'modal modal-wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  )
}
