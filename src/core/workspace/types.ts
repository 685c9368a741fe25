/** The opened workspace: where it is, which blog layout it follows, and its settings. */
import type { LayoutKind, SiteConfig } from '../api'
import type { FolioError } from '../errors'

/** One `publish:` entry of folio.yaml; the publish layer reads its own keys. */
export interface PublishTargetConfig {
  name: string
  type: string
  [key: string]: unknown
}

/** Settings from folio.yaml (or the layout's own config); defaults fill what is missing. */
export interface WorkspaceConfig extends SiteConfig {
  publish: PublishTargetConfig[]
  /** Theme name; 'default' unless set. */
  theme: string
  /** Articles per index page; 10 unless set. */
  pageSize: number
  themeSettings: Record<string, unknown>
  /** The config file's data as read, for keys this layer does not know. */
  raw: Record<string, unknown>
}

/** Where a layout keeps its Markdown, as workspace-relative folders with forward slashes. */
export interface LayoutInfo {
  layout: LayoutKind
  /** Folder where new articles are created. */
  contentDir: string
  /** Folders scanned (recursively) for articles; '' is the workspace root. */
  articleDirs: string[]
  /** Folders whose articles are drafts whatever their front matter says (Jekyll/Hexo `_drafts`). */
  draftDirs: string[]
  /** Folder of static pages (folio layout `pages`), or null. */
  pagesDir: string | null
  /** The layout's config file, workspace-relative, or null when there is none. */
  configFile: string | null
}

/** An open workspace. Every path handed to the workspace functions is relative to `root`. */
export interface Workspace extends LayoutInfo {
  /** Absolute real path of the workspace folder. */
  root: string
  config: WorkspaceConfig
  /** Set when the config file could not be read or is invalid; defaults are used instead. */
  configError?: FolioError
}
