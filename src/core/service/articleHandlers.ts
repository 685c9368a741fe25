/** Handlers for reading, writing and managing articles, their journal and their images. */
import type { TrashEntry } from '../api'
import { FolioError } from '../errors'
import {
  articleUnit,
  createArticle,
  discardJournal,
  duplicateArticle,
  importAsset,
  listArticles,
  listAssetUsage,
  listJournal,
  listTrash,
  readArticle,
  renameArticle,
  resolveInside,
  restoreArticle,
  saveArticle,
  saveArticleCopy,
  searchArticles,
  setArticleFields,
  trashArticle,
  writeJournal,
} from '../workspace'
import type { HandlerContext, Handlers } from './context'

type ArticleHandlers = Pick<
  Handlers,
  | 'listArticles'
  | 'readArticle'
  | 'saveArticle'
  | 'createArticle'
  | 'renameArticle'
  | 'duplicateArticle'
  | 'saveArticleCopy'
  | 'trashArticle'
  | 'listTrash'
  | 'restoreArticle'
  | 'setArticleFields'
  | 'writeJournal'
  | 'listJournal'
  | 'discardJournal'
  | 'importAsset'
  | 'listAssetUsage'
  | 'searchArticles'
>

const maxAssetBytes = 50 * 1024 * 1024

export function articleHandlers({ host, workspace }: HandlerContext): ArticleHandlers {
  return {
    listArticles: async () => listArticles(workspace()),
    readArticle: async ({ path }) => readArticle(workspace(), path),
    saveArticle: async ({ path, text, baseVersion }) => {
      const result = await saveArticle(workspace(), path, text, baseVersion)
      // NOTE: the journal entry goes only after the article itself is safely on disk.
      if (result.status === 'saved') await discardJournal(workspace(), path)
      return result
    },
    createArticle: async ({ title }) => createArticle(workspace(), title),
    renameArticle: async ({ path, slug }) => renameArticle(workspace(), path, slug),
    duplicateArticle: async ({ path }) => duplicateArticle(workspace(), path),
    saveArticleCopy: async ({ path, text }) => saveArticleCopy(workspace(), path, text),
    trashArticle: async ({ path }) => {
      const ws = workspace()
      if (!host.moveToOsTrash) return trashArticle(ws, path)
      const unit = articleUnit(ws, path)
      const absolute = await resolveInside(ws, unit.moved)
      await host.moveToOsTrash(absolute)
      const entry: TrashEntry = {
        id: 'os-trash',
        originalPath: unit.file,
        originalMoved: unit.moved,
        isBundle: unit.isBundle,
        title: unit.slug,
        trashedAt: new Date().toISOString(),
      }
      return entry
    },
    listTrash: async () => listTrash(workspace()),
    restoreArticle: async ({ id }) => ({ path: await restoreArticle(workspace(), id) }),
    setArticleFields: async ({ path, fields }) => setArticleFields(workspace(), path, fields),
    writeJournal: async ({ path, text, baseVersion }) => {
      await writeJournal(workspace(), path, text, baseVersion)
      return { written: true as const }
    },
    listJournal: async () => listJournal(workspace()),
    discardJournal: async ({ path }) => {
      await discardJournal(workspace(), path)
      return { discarded: true as const }
    },
    importAsset: async ({ path, fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64')
      if (bytes.length > maxAssetBytes) {
        throw new FolioError('too-large', `"${fileName}" is larger than 50 MB and was not added.`, {
          path,
        })
      }
      return importAsset(workspace(), path, fileName, bytes)
    },
    listAssetUsage: async () => listAssetUsage(workspace()),
    searchArticles: async ({ query }) => searchArticles(workspace(), query),
  }
}
