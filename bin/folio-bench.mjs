#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark suite through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api'

register()
await import('../bench/run.ts')
