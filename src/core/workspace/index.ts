/**
 * The workspace layer: open a blog folder of any supported layout, list, read, save and create
 * articles without ever losing a word, and watch for changes made outside Folio.
 */
export type { Workspace, WorkspaceConfig, PublishTargetConfig, LayoutInfo } from './types'
export { openWorkspace } from './open'
export { detectLayout } from './layout'
export { readConfig, defaultConfig } from './config'
export { resolveInside, toRelPath, normalizeRelPath } from './paths'
export { listArticles } from './list'
export { readArticle } from './read'
export { saveArticle } from './save'
export { createArticle, newArticlePath } from './create'
export { slugify } from './slug'
export { watchWorkspace, type WorkspaceWatch } from './watch'
export { loadArticles, loadPages, type Article } from './article'
export { isArticlePath } from './articleFiles'
export { contentHash } from './hash'
export { renameArticle, retargetLinks, type RenameResult } from './rename'
export { duplicateArticle, saveArticleCopy } from './duplicate'
export { trashArticle, listTrash, restoreArticle, trashDir, type TrashEntry } from './trash'
export { writeJournal, listJournal, discardJournal, journalDir, type JournalEntry } from './journal'
export { importAsset, listAssetUsage, type ImportedAsset, type AssetUsage } from './assets'
