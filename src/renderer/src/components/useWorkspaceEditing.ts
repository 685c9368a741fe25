/**
 * The editor extensions that need the workspace: image import through `importAsset`, and link
 * and image autocomplete from the article list and `listAssetUsage`. The extension is created
 * once and reads the latest articles through a ref, so open editor states never go stale.
 */
import { useMemo, useRef } from 'react'
import type { Extension } from '@codemirror/state'
import type { ArticleSummary, FolioApi } from '../../../core/api'
import { workspaceCompletions } from '../editor/autocomplete/workspaceCompletions'
import { imageImport } from '../editor/imageImport'

const imageExt = /\.(png|jpe?g|gif|webp|avif|svg|bmp)$/i
/** How long a listing of the workspace's images is reused by autocomplete, in ms. */
const imageListTtl = 5000

/** Returns the stable extension for every article editor of this workspace. */
export function useWorkspaceEditing(
  api: FolioApi,
  articles: readonly ArticleSummary[],
  report: (err: unknown, path?: string) => void,
): Extension {
  const latest = useRef(articles)
  latest.current = articles
  const reporter = useRef(report)
  reporter.current = report
  return useMemo(() => {
    let images: { at: number; paths: Promise<string[]> } | null = null
    const listImages = (): Promise<string[]> => {
      if (!images || Date.now() - images.at > imageListTtl) {
        const paths = api.listAssetUsage({}).then((usage) => {
          const all = new Set([...Object.values(usage.used).flat(), ...usage.unused])
          return [...all].filter((path) => imageExt.test(path)).sort()
        })
        paths.catch(() => {
          images = null
        })
        images = { at: Date.now(), paths }
      }
      return images.paths
    }
    return [
      imageImport({
        importImage: async (path, fileName, base64) => {
          const imported = await api.importAsset({ path, fileName, base64 })
          images = null
          return imported.markdown
        },
        onError: (err, path) => reporter.current(err, path),
      }),
      workspaceCompletions({
        articles: () => latest.current,
        images: () =>
          listImages().catch((err: unknown) => {
            reporter.current(err)
            return []
          }),
      }),
    ]
  }, [api])
}
