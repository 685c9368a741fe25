import { describe, expect, it } from 'vitest'
import { deviceFit } from '../../../src/renderer/src/preview/deviceFit'

describe('deviceFit', () => {
  it('lays a tablet page out at 820 px and scales it into a narrower pane, full height', () => {
    const fit = deviceFit('tablet', { width: 410, height: 800 })
    expect(fit).toEqual({ width: 820, height: 1600, scale: 0.5 })
  })

  it('shows a phone page at its own size where the pane is wider', () => {
    expect(deviceFit('phone', { width: 600, height: 700 })).toEqual({
      width: 390,
      height: 700,
      scale: 1,
    })
  })

  it('lays a desktop page out at 1280 px at least, and at the pane width when it is wider', () => {
    expect(deviceFit('desktop', { width: 640, height: 900 })).toEqual({
      width: 1280,
      height: 1800,
      scale: 0.5,
    })
    expect(deviceFit('desktop', { width: 1500, height: 900 })).toEqual({
      width: 1500,
      height: 900,
      scale: 1,
    })
  })

  it('lays the page out at the pane width, full size, when fitting', () => {
    expect(deviceFit('fit', { width: 595.5, height: 700 })).toEqual({
      width: 595,
      height: 700,
      scale: 1,
    })
  })

  it('does not scale before the pane is measured', () => {
    expect(deviceFit('tablet', { width: 0, height: 0 }).scale).toBe(1)
  })
})
