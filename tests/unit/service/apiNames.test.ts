import { describe, expect, it } from 'vitest'
import { apiInputs } from '../../../src/core/api'
import { apiMethodNames } from '../../../src/core/apiNames'

describe('the preload method list', () => {
  it('names exactly the methods of the API schema', () => {
    expect([...apiMethodNames].sort()).toEqual(Object.keys(apiInputs).sort())
  })
})
