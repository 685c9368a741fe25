import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { FuseV1Options } from '@electron/fuses'

const require = createRequire(import.meta.url)

describe('packaged build fuses', () => {
  it('turn off RunAsNode, NODE_OPTIONS and --inspect', () => {
    const { folioFuses } = require('../../../build/fuses.cjs')
    expect(folioFuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(folioFuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(folioFuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  })
})
