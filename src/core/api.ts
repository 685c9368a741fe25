/**
 * FolioApi: the one typed contract between the UI and the backend. The renderer calls it without
 * knowing whether Electron IPC or the web mode carries it; main and the web server both register
 * the same handler table (`src/core/service`). Every request's arguments are described by a zod
 * schema here, so both adapters validate them the same way before any core code runs.
 */
import { z } from 'zod'
import type { FolioErrorData } from './errors'

// ---------- Shapes returned to the UI ----------

export type LayoutKind = 'folio' | 'hugo' | 'jekyll' | 'hexo' | 'eleventy' | 'astro' | 'plain'

export interface PublishTargetSummary {
  name: string
  type: string
  /** Where the site goes, for display: a folder, a URL, host:path. Never contains a secret. */
  location: string
  /** Names of the secrets this kind of target takes (password, token, ...), for the settings form. */
  secretKeys: string[]
}

export interface SiteConfig {
  title: string
  baseUrl: string
  language: string
  author: string
  description: string
}

export interface WorkspaceInfo {
  /** Absolute path of the workspace folder on this machine. */
  root: string
  layout: LayoutKind
  /** Workspace-relative folder where articles live (e.g. `posts`, `content/post`, `_posts`). */
  contentDir: string
  /** Folders whose articles are drafts whatever their front matter says (Jekyll's `_drafts`). */
  draftDirs: string[]
  site: SiteConfig
  targets: PublishTargetSummary[]
  /** Problem with folio.yaml, if it could not be read; the workspace still opens with defaults. */
  configError?: FolioErrorData
}

export interface ArticleSummary {
  /** Workspace-relative path with forward slashes, e.g. `posts/hello.md`. */
  path: string
  title: string
  /** ISO date (or date-time) as written in front matter, or null. */
  date: string | null
  tags: string[]
  draft: boolean
  description?: string
  size: number
  mtimeMs: number
  /** Set when the article cannot be parsed or read; the rest is best effort. */
  error?: FolioErrorData
}

export interface ArticleDocument {
  path: string
  text: string
  /** Content hash of the bytes on disk when read; saves must name it. */
  version: string
  mtimeMs: number
  /** Front matter problem, if any: the article opens as plain text. */
  error?: FolioErrorData
}

export type SaveResult =
  | {
      status: 'saved'
      version: string
      mtimeMs: number
      /** The article as the list shows it, read back from what was written. */
      summary: ArticleSummary
    }
  /** The file changed on disk since `baseVersion`: nothing was written; both versions are here. */
  | {
      status: 'conflict'
      diskText: string | null
      diskVersion: string | null
      /**
       * Why the file on disk cannot be shown as text (binary, not UTF-8); diskText is then null
       * although the file exists.
       */
      diskProblem?: string
    }

export interface BuildProblem {
  path: string
  line?: number
  message: string
}

export interface BuildReport {
  outDir: string
  pages: number
  files: number
  durationMs: number
  problems: BuildProblem[]
  /** Remarks about how the build ran that are not problems, e.g. "Rendered on one thread". */
  notes?: string[]
}

export interface PublishReport {
  target: string
  dryRun: boolean
  added: string[]
  changed: string[]
  removed: string[]
  bytes: number
  /** Where the site now is (folder path or URL). */
  location: string
  durationMs: number
}

export interface RenameResult {
  /** The article's new path. */
  path: string
  /** Articles whose links to it were updated. */
  updated: string[]
  /** Articles with a link to it that could not be updated (unreadable, changed meanwhile). */
  skipped: string[]
}

export interface TrashEntry {
  id: string
  /** The article's Markdown file before it was trashed. */
  originalPath: string
  /** What was moved: the file, or the bundle folder. */
  originalMoved: string
  isBundle: boolean
  title: string
  /** ISO time of trashing. */
  trashedAt: string
}

/** Unsaved edits kept in `.folio/journal` until saved or discarded; offered back after a crash. */
export interface JournalEntry {
  path: string
  text: string
  baseVersion: string | null
  savedAt: string
}

export interface ImportedAsset {
  /** Workspace-relative path of the stored file. */
  path: string
  /** The Markdown image to insert into the article, linking the file relatively. */
  markdown: string
}

export interface AssetUsage {
  used: Record<string, string[]>
  missing: Record<string, string[]>
  unused: string[]
}

export interface PublishHistoryEntry {
  at: string
  target: string
  result: 'ok' | 'failed' | 'cancelled'
  added: number
  changed: number
  removed: number
  bytes: number
  durationMs: number
  error?: FolioErrorData
}

export interface ConnectionTestResult {
  target: string
  location: string
  remoteFiles: number | null
}

export interface ThemeBundle {
  name: string
  /** Liquid templates by name (`layouts/article.liquid`, `partials/head.liquid`, ...). */
  templates: Record<string, string>
  /** Theme stylesheet text, inlined into the preview frame. */
  css: string
}

export interface AppInfo {
  mode: 'desktop' | 'web'
  version: string
  /** Whether `chooseWorkspace` can show a native folder picker. */
  canChooseFolder: boolean
  /** URL prefix under which a workspace-relative file (an image) can be loaded, e.g. `folio-asset://workspace/`. */
  assetBase: string
}

// ---------- Events pushed to the UI ----------

export interface ArticleChangedEvent {
  path: string
  kind: 'added' | 'changed' | 'removed'
  /** New content version for `added`/`changed`. */
  version?: string
}

export interface PublishProgressEvent {
  target: string
  phase: 'building' | 'comparing' | 'uploading' | 'removing' | 'done' | 'failed'
  filesDone: number
  filesTotal: number
  bytesDone: number
  bytesTotal: number
  currentFile?: string
}

export interface FolioEvents {
  articleChanged: ArticleChangedEvent
  publishProgress: PublishProgressEvent
  /**
   * The desktop File > Open Folder menu was chosen. The page saves its tabs first, then asks for
   * the folder itself (chooseWorkspace), as its own button does.
   */
  openFolderRequested: Record<string, never>
}
export type FolioEventName = keyof FolioEvents

// ---------- Requests ----------

const relPath = z.string().min(1).max(4096)

/** Input schema of every API method; the adapters validate with these before calling the core. */
export const apiInputs = {
  getAppInfo: z.object({}).strict(),
  getWorkspace: z.object({}).strict(),
  openWorkspace: z.object({ path: z.string().min(1).max(4096) }).strict(),
  chooseWorkspace: z.object({}).strict(),
  listArticles: z.object({}).strict(),
  readArticle: z.object({ path: relPath }).strict(),
  saveArticle: z
    .object({ path: relPath, text: z.string(), baseVersion: z.string().max(128).nullable() })
    .strict(),
  createArticle: z.object({ title: z.string().min(1).max(500) }).strict(),
  getTheme: z.object({}).strict(),
  buildSite: z.object({ drafts: z.boolean().optional() }).strict(),
  publishSite: z
    .object({
      target: z.string().min(1).max(200),
      dryRun: z.boolean().optional(),
      /** Trust an SFTP host key seen for the first time, after the user confirmed its fingerprint. */
      trustHostKey: z.boolean().optional(),
    })
    .strict(),
  cancelPublish: z.object({ target: z.string().min(1).max(200) }).strict(),
  testConnection: z
    .object({ target: z.string().min(1).max(200), trustHostKey: z.boolean().optional() })
    .strict(),
  getPublishHistory: z.object({}).strict(),
  renameArticle: z.object({ path: relPath, slug: z.string().min(1).max(200) }).strict(),
  duplicateArticle: z.object({ path: relPath }).strict(),
  /** "Keep both" after a conflict: writes `text` as a new article beside `path`. */
  saveArticleCopy: z.object({ path: relPath, text: z.string() }).strict(),
  trashArticle: z.object({ path: relPath }).strict(),
  listTrash: z.object({}).strict(),
  restoreArticle: z.object({ id: z.string().min(1).max(100) }).strict(),
  /** Lossless front matter edit; null removes a field. */
  setArticleFields: z
    .object({ path: relPath, fields: z.record(z.string().min(1).max(200), z.unknown()) })
    .strict(),
  writeJournal: z
    .object({ path: relPath, text: z.string(), baseVersion: z.string().max(128).nullable() })
    .strict(),
  listJournal: z.object({}).strict(),
  discardJournal: z.object({ path: relPath }).strict(),
  /** Stores an image (base64, at most 50 MB) beside the article; returns the Markdown to insert. */
  importAsset: z
    .object({
      path: relPath,
      fileName: z.string().min(1).max(255),
      base64: z.string().max(70_000_000),
    })
    .strict(),
  listAssetUsage: z.object({}).strict(),
  searchArticles: z.object({ query: z.string().max(500) }).strict(),
  /** The desktop spell checker's languages (BCP 47 tags); empty: the system's default. */
  setSpellCheckLanguages: z
    .object({ languages: z.array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).max(5) })
    .strict(),
  /** Stores a publish target's secret (password, token, key) in the OS keychain (desktop only). */
  setSecret: z
    .object({
      target: z.string().min(1).max(200),
      key: z.string().min(1).max(100),
      value: z.string().max(65536),
    })
    .strict(),
} as const

export type ApiMethod = keyof typeof apiInputs
export type ApiInput<M extends ApiMethod> = z.infer<(typeof apiInputs)[M]>

/** What each method resolves to. */
export interface ApiOutputs {
  getAppInfo: AppInfo
  getWorkspace: WorkspaceInfo | null
  openWorkspace: WorkspaceInfo
  chooseWorkspace: WorkspaceInfo | null
  listArticles: ArticleSummary[]
  readArticle: ArticleDocument
  saveArticle: SaveResult
  createArticle: ArticleDocument
  getTheme: ThemeBundle
  buildSite: BuildReport
  publishSite: PublishReport
  setSecret: { stored: true }
  cancelPublish: { cancelled: boolean }
  testConnection: ConnectionTestResult
  getPublishHistory: PublishHistoryEntry[]
  renameArticle: RenameResult
  duplicateArticle: ArticleDocument
  saveArticleCopy: ArticleDocument
  trashArticle: TrashEntry
  listTrash: TrashEntry[]
  restoreArticle: { path: string }
  setArticleFields: SaveResult
  writeJournal: { written: true }
  listJournal: JournalEntry[]
  discardJournal: { discarded: true }
  importAsset: ImportedAsset
  listAssetUsage: AssetUsage
  /** Paths of the articles whose title, tags or body contain every word of the query. */
  searchArticles: string[]
  /** Whether the languages were applied (false in the web mode: the browser's checker is used). */
  setSpellCheckLanguages: { applied: boolean; unavailable: string[] }
}

/** The API as the renderer sees it: one async function per method, plus event subscription. */
export type FolioApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>
} & {
  /** Subscribes to a backend event; returns the function that unsubscribes. */
  on<E extends FolioEventName>(event: E, listener: (payload: FolioEvents[E]) => void): () => void
}

export const apiMethods = Object.keys(apiInputs) as ApiMethod[]
export { eventNames } from './apiNames'

/** How a call's outcome crosses a process boundary: never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: FolioErrorData }

/**
 * What actually crosses the boundary (the preload's `window.folio`, the web client): the same
 * named methods, resolving to an ApiResult instead of throwing. `createFolioApi` in the renderer
 * turns a bridge into a FolioApi.
 */
export type FolioBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutputs[M]>>
} & {
  on<E extends FolioEventName>(event: E, listener: (payload: FolioEvents[E]) => void): () => void
}
