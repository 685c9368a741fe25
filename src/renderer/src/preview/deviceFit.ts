/**
 * How the preview frame shows the page at a device's width: the page is laid out at that width
 * (a phone's, a tablet's, a desktop window's) and the frame scaled down to fit the pane, so a
 * narrow pane still shows the layout the device gets, smaller, instead of a narrower layout.
 * 'fit' lays the page out at the pane's own width, full size: readable while writing.
 */

export type PreviewDevice = 'fit' | 'phone' | 'tablet' | 'desktop'

/** CSS pixel widths the page is laid out at; the desktop width grows with a wider pane. */
export const deviceWidths: Record<Exclude<PreviewDevice, 'fit'>, number> = {
  phone: 390,
  tablet: 820,
  desktop: 1280,
}

/** The frame's layout size in CSS pixels, and the scale that fits it into the pane. */
export interface DeviceFit {
  width: number
  height: number
  scale: number
}

/** The fit of `device` into a pane area of `box` (its content box; zero before it is measured). */
export function deviceFit(
  device: PreviewDevice,
  box: { width: number; height: number },
): DeviceFit {
  if (device === 'fit') return { width: Math.floor(box.width), height: box.height, scale: 1 }
  const wanted = deviceWidths[device]
  const width = device === 'desktop' ? Math.max(wanted, Math.floor(box.width)) : wanted
  if (box.width <= 0 || box.height <= 0) return { width, height: box.height, scale: 1 }
  const scale = Math.min(1, box.width / width)
  return { width, height: box.height / scale, scale }
}
