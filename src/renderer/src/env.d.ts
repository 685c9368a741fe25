/// <reference types="vite/client" />
import type { FolioBridge } from '../../core/api'

declare global {
  interface Window {
    /** The desktop preload's bridge; absent in the web mode. */
    folio?: FolioBridge
  }
}
