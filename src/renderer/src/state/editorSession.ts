/**
 * EditorSession: the articles open in tabs, each with its own EditorState (so undo history and
 * cursor survive switching), saving with the disk version, autosave, conflicts and outside
 * changes. The UI reads it as immutable snapshots (`subscribe`/`getSnapshot`).
 */
import { EditorSelection, Text } from '@codemirror/state'
import type { EditorState, StateEffect, TransactionSpec } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import type { ViewUpdate } from '@codemirror/view'
import type {
  ArticleChangedEvent,
  ArticleDocument,
  ArticleSummary,
  FolioApi,
  JournalEntry,
  RenameResult,
} from '../../../core/api'
import { FolioError, toFolioError } from '../../../core/errors'
import type { FolioErrorData } from '../../../core/errors'
import { createArticleEditorState, languageCompartment, markdownSupport } from '../editor/setup'
import type { Extension } from '@codemirror/state'
import { articlePathField, setArticlePath } from '../editor/articlePath'
import {
  articleSaved,
  fileTextOf,
  isDirty,
  lineBreakOf,
  openedArticle,
  textOfFile,
} from './openArticle'
import { PathTimers } from './pathTimers'
import type { OpenArticle } from './openArticle'

/** One tab as the UI shows it. */
export interface TabSnapshot {
  article: OpenArticle
  dirty: boolean
  saving: boolean
  /** The last save's failure, until the next successful save. */
  saveError: FolioErrorData | null
  /** The file changed (or vanished) on disk while the editor had unsaved edits. */
  changedOnDisk: boolean
}

/** Both versions of an article whose save found a different file on disk. */
export interface ConflictSnapshot {
  path: string
  mine: string
  /** null when the file was deleted on disk, or cannot be read as text (`diskProblem`). */
  diskText: string | null
  diskVersion: string | null
  /** Why the file on disk cannot be shown as text (binary, not UTF-8): it is there, unread. */
  diskProblem?: string
}

export interface SessionSnapshot {
  tabs: readonly TabSnapshot[]
  activePath: string | null
  conflict: ConflictSnapshot | null
}

/** What the session needs from its host besides the API. */
export interface SessionOptions {
  /** Extra editor extensions for every article (focus mode, outline tracking, ...). */
  extensions?: () => Extension[]
  /** Called after the active article's text changed or another article became active. */
  onActiveText?: (path: string | null, state: EditorState | null) => void
  /** Called for every update of the visible editor. */
  onViewUpdate?: (update: ViewUpdate) => void
  /** Delay of autosave after the last keystroke, in ms. */
  autosaveMs?: number
  /** Delay of the crash journal write after the last keystroke, in ms (default 400). */
  journalMs?: number
  /** Called after each article saved, with its list entry as now on disk (title, date, ...). */
  onSaved?: (summary: ArticleSummary) => void
  /** Called when a background write (the crash journal) fails, so the author hears of it. */
  onError?: (err: unknown, path: string) => void
}

interface Tab {
  article: OpenArticle
  state: EditorState
  scroll: StateEffect<unknown> | null
  saving: boolean
  saveError: FolioErrorData | null
  changedOnDisk: boolean
}

export class EditorSession {
  private readonly tabs = new Map<string, Tab>()
  private order: string[] = []
  private active: string | null = null
  private conflict: ConflictSnapshot | null = null
  private view: EditorView | null = null
  private snapshot: SessionSnapshot = { tabs: [], activePath: null, conflict: null }
  private readonly listeners = new Set<() => void>()
  private readonly autosaves = new PathTimers()
  private readonly saveAgain = new Set<string>()
  /** The save running for each article, which later asks for a save wait on. */
  private readonly running = new Map<string, Promise<void>>()
  private readonly deferredEvents = new Map<string, ArticleChangedEvent>()
  private readonly journalWrites = new PathTimers()
  /** Articles whose rename is running: none of them is saved until it is done. */
  private readonly renaming = new Set<string>()

  constructor(
    private readonly api: FolioApi,
    private readonly options: SessionOptions = {},
  ) {}

  // ---------- snapshots for React ----------

  /** Registers a listener called after every snapshot change; returns the unsubscriber. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current immutable snapshot (a new object only when something changed). */
  getSnapshot = (): SessionSnapshot => this.snapshot

  private publish(): void {
    this.snapshot = {
      tabs: this.order.map((path) => {
        const tab = this.tabs.get(path) as Tab
        return {
          article: tab.article,
          dirty: isDirty(tab.article, tab.state.doc),
          saving: tab.saving,
          saveError: tab.saveError,
          changedOnDisk: tab.changedOnDisk,
        }
      }),
      activePath: this.active,
      conflict: this.conflict,
    }
    for (const listener of this.listeners) listener()
  }

  // ---------- the editor view ----------

  /** Connects the one EditorView that shows the active article. */
  attach(view: EditorView): void {
    this.view = view
    const tab = this.active ? this.tabs.get(this.active) : undefined
    if (tab) view.setState(tab.state)
  }

  detach(): void {
    this.view = null
  }

  /** The EditorState of an open article (the live one for the active article). */
  stateOf(path: string): EditorState | null {
    return this.tabs.get(path)?.state ?? null
  }

  private hooks = {
    onUpdate: (update: ViewUpdate) => this.viewUpdated(update),
    onSave: () => {
      if (this.active) void this.save(this.active)
    },
  }

  private newState(path: string, text: string, plainText: boolean): EditorState {
    return createArticleEditorState(
      text,
      {
        ...this.hooks,
        extra: [articlePathField.init(() => path), ...(this.options.extensions?.() ?? [])],
      },
      plainText,
    )
  }

  private viewUpdated(update: ViewUpdate): void {
    const path = this.active
    const tab = path ? this.tabs.get(path) : undefined
    if (!path || !tab || update.view !== this.view) return
    const wasDirty = isDirty(tab.article, tab.state.doc)
    tab.state = update.state
    this.options.onViewUpdate?.(update)
    if (!update.docChanged) return
    this.textChanged(path, tab, wasDirty)
  }

  private textChanged(path: string, tab: Tab, wasDirty: boolean): void {
    this.scheduleAutosave(path)
    this.scheduleJournal(path)
    if (this.active === path) this.options.onActiveText?.(path, tab.state)
    if (wasDirty !== isDirty(tab.article, tab.state.doc)) this.publish()
  }

  /**
   * Applies a transaction to an open article, through the view when it is the one shown (so it
   * is undoable there like typing), and with the same autosave and journal as a keystroke.
   */
  update(path: string, spec: TransactionSpec): void {
    const tab = this.tabs.get(path)
    if (!tab) return
    if (this.active === path && this.view) {
      this.view.dispatch(spec)
      return
    }
    const wasDirty = isDirty(tab.article, tab.state.doc)
    const transaction = tab.state.update(spec)
    tab.state = transaction.state
    if (transaction.docChanged) this.textChanged(path, tab, wasDirty)
  }

  /** Puts the cursor at the start of `line` (1-based) of an open article and scrolls to it. */
  revealLine(path: string, line: number): void {
    const tab = this.tabs.get(path)
    if (!tab) return
    const target = tab.state.doc.line(Math.min(Math.max(1, line), tab.state.doc.lines))
    this.update(path, {
      selection: EditorSelection.cursor(target.from),
      effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
    })
    if (this.active === path) this.view?.focus()
  }

  // ---------- opening, switching, closing ----------

  /** Opens the article at `path` in a tab (reading it from disk) and makes it active. */
  async open(path: string): Promise<void> {
    if (this.tabs.has(path)) return this.activate(path)
    const doc = await this.api.readArticle({ path })
    if (this.tabs.has(path)) return this.activate(path)
    this.addDocument(doc)
  }

  /** Adds an article already read (e.g. just created) as a tab and makes it active. */
  addDocument(doc: ArticleDocument): void {
    this.tabs.set(doc.path, {
      article: openedArticle(doc),
      state: this.newState(doc.path, doc.text, doc.error !== undefined),
      scroll: null,
      saving: false,
      saveError: null,
      changedOnDisk: false,
    })
    this.order = [...this.order, doc.path]
    this.activate(doc.path)
  }

  /** Shows the tab of `path` in the editor, keeping the previous tab's state and scroll. */
  activate(path: string): void {
    const tab = this.tabs.get(path)
    if (!tab) return
    const previous = this.active ? this.tabs.get(this.active) : undefined
    if (previous && this.view && this.active !== path) {
      previous.state = this.view.state
      previous.scroll = this.view.scrollSnapshot()
    }
    this.active = path
    if (this.view && this.view.state !== tab.state) {
      this.view.setState(tab.state)
      if (tab.scroll) this.view.dispatch({ effects: tab.scroll })
    }
    this.publish()
    this.options.onActiveText?.(path, tab.state)
  }

  /** Closes a tab. Unsaved edits are saved first; the tab stays open if that save fails. */
  async close(path: string): Promise<void> {
    const tab = this.tabs.get(path)
    if (!tab) return
    if (isDirty(tab.article, tab.state.doc)) {
      await this.save(path)
      const after = this.tabs.get(path)
      if (!after || isDirty(after.article, after.state.doc)) return
    }
    this.drop(path)
  }

  private drop(path: string): void {
    const index = this.order.indexOf(path)
    this.tabs.delete(path)
    this.autosaves.cancel(path)
    this.journalWrites.cancel(path)
    this.order = this.order.filter((p) => p !== path)
    if (this.conflict?.path === path) this.conflict = null
    if (this.active === path) {
      this.active = null
      const next = this.order[Math.min(index, this.order.length - 1)]
      if (next) {
        this.activate(next)
        return
      }
      this.options.onActiveText?.(null, null)
    }
    this.publish()
  }

  // ---------- saving ----------

  private scheduleAutosave(path: string): void {
    this.autosaves.schedule(path, this.options.autosaveMs ?? 1500, () => {
      const tab = this.tabs.get(path)
      if (tab && isDirty(tab.article, tab.state.doc) && this.conflict?.path !== path) {
        void this.save(path)
      }
    })
  }

  // ---------- the crash journal ----------

  private scheduleJournal(path: string): void {
    this.journalWrites.schedule(path, this.options.journalMs ?? 400, () => {
      void this.writeJournal(path)
    })
  }

  /**
   * Writes the article's unsaved text to the crash journal (or discards its entry once the text
   * matches the disk again). Failures go to `onError`, never silently.
   */
  async writeJournal(path: string): Promise<void> {
    const tab = this.tabs.get(path)
    // NOTE: an article being renamed is journaled at its new path once the rename is done.
    if (!tab || this.renaming.has(path)) return
    try {
      if (!isDirty(tab.article, tab.state.doc)) {
        await this.api.discardJournal({ path })
        return
      }
      const text = tab.state.doc.toString()
      await this.api.writeJournal({ path, text, baseVersion: tab.article.version })
      // NOTE: a save that finished while this write was in flight already discarded the entry on
      // the backend; this write put it back, stale. Discard it again so no false prompt follows.
      const after = this.tabs.get(path)
      if (after && !isDirty(after.article, after.state.doc) && !after.saving) {
        await this.api.discardJournal({ path })
      }
    } catch (err) {
      this.options.onError?.(err, path)
    }
  }

  /**
   * Opens a journaled article with the journal's text as unsaved edits. When the file changed on
   * disk since the journal's base version (or vanished), the conflict dialog opens instead of
   * letting either version win silently.
   */
  async restoreJournal(entry: JournalEntry): Promise<void> {
    let doc: ArticleDocument | null = null
    try {
      doc = await this.api.readArticle({ path: entry.path })
    } catch (err) {
      if (!(err instanceof FolioError && err.code === 'not-found')) throw err
    }
    if (!this.tabs.has(entry.path)) {
      if (doc) this.addDocument(doc)
      else this.addUnsaved(entry.path, entry.text)
    } else this.activate(entry.path)
    const tab = this.tabs.get(entry.path) as Tab
    if (tab.state.doc.toString() !== entry.text) this.replaceText(tab, entry.text)
    this.scheduleAutosave(entry.path)
    const diskMoved =
      entry.baseVersion !== null && (doc === null || doc.version !== entry.baseVersion)
    if (diskMoved && !(doc && textOfFile(doc.text).eq(tab.state.doc))) {
      this.conflict = {
        path: entry.path,
        mine: entry.text,
        diskText: doc?.text ?? null,
        diskVersion: doc?.version ?? null,
      }
    }
    this.publish()
  }

  /** Discards a journal entry the author chose not to restore. */
  async discardJournal(entry: JournalEntry): Promise<void> {
    await this.api.discardJournal({ path: entry.path })
  }

  private addUnsaved(path: string, text: string): void {
    this.tabs.set(path, {
      article: { path, savedDoc: Text.of(['']), version: null, lineBreak: lineBreakOf(text) },
      state: this.newState(path, text, false),
      scroll: null,
      saving: false,
      saveError: null,
      changedOnDisk: false,
    })
    this.order = [...this.order, path]
    this.activate(path)
  }

  // ---------- renames ----------

  /**
   * Renames an article (`slug` is its new file or folder name) and moves its open tab to the new
   * path, keeping its text, undo history and cursor. An open article's edits are saved first;
   * while the rename runs no save of it starts (it would find its file gone), and what is typed
   * meanwhile is saved at the new path. Refuses while the article has edits that cannot be saved.
   */
  async renameArticle(from: string, slug: string): Promise<RenameResult> {
    if (!this.tabs.has(from)) return this.api.renameArticle({ path: from, slug })
    await this.save(from)
    const tab = this.tabs.get(from)
    // Text typed while that save ran is saved at the new path; a conflict or a failed save is not
    // settled by renaming, and the author must see it at the path it names.
    if (tab && (tab.saveError || this.conflict?.path === from)) {
      throw new FolioError(
        'conflict',
        'This article has edits that could not be saved; save them (or resolve the conflict) before renaming it.',
        { path: from },
      )
    }
    this.renaming.add(from)
    let to = from
    try {
      const result = await this.api.renameArticle({ path: from, slug })
      to = result.path
      await this.followRename(from, to)
      return result
    } finally {
      this.renaming.delete(from)
      const moved = this.tabs.get(to)
      if (moved && isDirty(moved.article, moved.state.doc)) {
        this.scheduleAutosave(to)
        this.scheduleJournal(to)
      }
    }
  }

  /**
   * Moves the tab of an article that was renamed from `from` to `to`, keeping its text, undo
   * history and cursor; the disk version is then read again from the new path. Never throws: the
   * file has moved, so the tab moves with it whatever else fails (and `onError` hears of that).
   */
  private async followRename(from: string, to: string): Promise<void> {
    const tab = this.tabs.get(from)
    if (!tab || from === to) return
    // NOTE: the tab moves before anything is awaited, so no save or journal write can name the
    // old path once the file has left it.
    this.tabs.delete(from)
    this.tabs.set(to, tab)
    this.order = this.order.map((p) => (p === from ? to : p))
    this.autosaves.cancel(from)
    this.journalWrites.cancel(from)
    const dirty = isDirty(tab.article, tab.state.doc)
    tab.article = { ...tab.article, path: to }
    tab.changedOnDisk = false
    if (this.active === from) this.active = to
    this.update(to, { effects: setArticlePath.of(to) })
    if (this.conflict?.path === from) this.conflict = { ...this.conflict, path: to }
    this.publish()
    try {
      const doc = await this.api.readArticle({ path: to })
      if (this.tabs.get(to) === tab) {
        tab.article = openedArticle(doc)
        if (!dirty && !tab.state.doc.eq(tab.article.savedDoc)) this.replaceText(tab, doc.text)
      }
      // A journal entry written before the rename names a path that is gone.
      if (dirty) await this.api.discardJournal({ path: from })
    } catch (err) {
      this.options.onError?.(err, to)
    }
    this.publish()
    if (this.active === to) this.options.onActiveText?.(to, tab.state)
  }

  /**
   * Saves the article's current text against the version it was read at. Resolves when done,
   * including a save already running and the one asked for behind it; a conflict opens the
   * conflict dialog, a failure is kept on the tab (and never thrown).
   */
  save(path: string): Promise<void> {
    // NOTE: an article being renamed is saved at its new path once the rename is done.
    if (this.renaming.has(path)) return Promise.resolve()
    // NOTE: one save per article at a time; a save asked for meanwhile runs after it, with the
    // version this one produced, so two saves never race each other on the same base version.
    const running = this.running.get(path)
    if (running) {
      this.saveAgain.add(path)
      return running
    }
    const saving = this.saveNow(path).finally(() => this.running.delete(path))
    this.running.set(path, saving)
    return saving
  }

  private async saveNow(path: string): Promise<void> {
    const tab = this.tabs.get(path)
    if (!tab) return
    this.autosaves.cancel(path)
    const text = fileTextOf(tab.article, tab.state.doc)
    tab.saving = true
    this.publish()
    try {
      const result = await this.api.saveArticle({ path, text, baseVersion: tab.article.version })
      if (result.status === 'saved') {
        tab.article = articleSaved(tab.article, text, result.version)
        tab.saveError = null
        tab.changedOnDisk = false
        this.options.onSaved?.(result.summary)
        // NOTE: the backend dropped the journal entry with the save, including the text typed
        // while the save ran: journal that text again.
        if (isDirty(tab.article, tab.state.doc)) this.scheduleJournal(path)
      } else {
        this.saveAgain.delete(path)
        this.conflict = {
          path,
          mine: text,
          diskText: result.diskText,
          diskVersion: result.diskVersion,
          ...(result.diskProblem ? { diskProblem: result.diskProblem } : {}),
        }
      }
    } catch (err) {
      this.saveAgain.delete(path)
      tab.saveError = toFolioError(err, path).toJSON()
    } finally {
      tab.saving = false
    }
    this.publish()
    const deferred = this.deferredEvents.get(path)
    if (deferred) {
      this.deferredEvents.delete(path)
      await this.articleChanged(deferred)
    }
    if (this.saveAgain.delete(path) && this.tabs.has(path)) await this.saveNow(path)
  }

  /** Saves every article with unsaved edits. */
  async saveAll(): Promise<void> {
    await Promise.all(
      this.order
        .filter((p) => {
          const tab = this.tabs.get(p) as Tab
          return isDirty(tab.article, tab.state.doc)
        })
        .map((p) => this.save(p)),
    )
  }

  /**
   * Saves every tab before the page leaves this workspace (another folder is about to open) and
   * resolves the paths that are still unsaved: a failed save, a conflict waiting for the author,
   * or text typed since. The caller leaves only when there are none, so no tab's words are
   * dropped and none are saved into the other folder.
   */
  async saveAllBeforeLeaving(): Promise<string[]> {
    await this.saveAll()
    const unsaved = this.order.filter((p) => {
      const tab = this.tabs.get(p) as Tab
      return isDirty(tab.article, tab.state.doc)
    })
    if (this.conflict && !unsaved.includes(this.conflict.path)) unsaved.push(this.conflict.path)
    return unsaved
  }

  // ---------- conflicts and outside changes ----------

  /**
   * Settles the open conflict: `mine` writes the editor text over the disk version, `theirs`
   * replaces the editor text with the disk version (undoable) or closes the tab if it was deleted,
   * and `both` first writes the editor text as a new article beside it (returned), then takes
   * theirs. If writing the copy fails the conflict stays open and the error is thrown.
   */
  async resolveConflict(choice: 'mine' | 'theirs' | 'both'): Promise<ArticleDocument | void> {
    const conflict = this.conflict
    if (!conflict) return
    if (choice === 'both') {
      const copy = await this.api.saveArticleCopy({ path: conflict.path, text: conflict.mine })
      await this.resolveConflict('theirs')
      return copy
    }
    this.conflict = null
    const tab = this.tabs.get(conflict.path)
    if (!tab) return this.publish()
    if (choice === 'mine') {
      tab.article = { ...tab.article, version: conflict.diskVersion }
      tab.changedOnDisk = false
      this.publish()
      return this.save(conflict.path)
    }
    this.journalWrites.cancel(conflict.path)
    await this.api.discardJournal({ path: conflict.path }).catch((err: unknown) => {
      this.options.onError?.(err, conflict.path)
    })
    if (conflict.diskText === null || conflict.diskVersion === null) return this.drop(conflict.path)
    this.replaceText(tab, conflict.diskText)
    tab.article = articleSaved(tab.article, conflict.diskText, conflict.diskVersion)
    tab.changedOnDisk = false
    tab.saveError = null
    this.publish()
  }

  /** Opens the conflict dialog for an article whose file changed on disk while it was edited. */
  async compareWithDisk(path: string): Promise<void> {
    const tab = this.tabs.get(path)
    if (!tab) return
    let diskText: string | null = null
    let diskVersion: string | null = null
    let diskProblem: string | undefined
    try {
      const doc = await this.api.readArticle({ path })
      diskText = doc.text
      diskVersion = doc.version
    } catch (err) {
      if (err instanceof FolioError && err.code === 'unreadable') diskProblem = err.message
      else if (!(err instanceof FolioError && err.code === 'not-found')) throw err
    }
    const mine = fileTextOf(tab.article, tab.state.doc)
    this.conflict = { path, mine, diskText, diskVersion, ...(diskProblem ? { diskProblem } : {}) }
    this.publish()
  }

  /**
   * Reacts to a watcher event: the session's own saves are recognised by version and ignored; an
   * unmodified article reloads; a modified one is flagged so the author chooses.
   */
  async articleChanged(event: ArticleChangedEvent): Promise<void> {
    const tab = this.tabs.get(event.path)
    if (!tab) return
    // NOTE: the watcher's echo of our own save can arrive before the save's response. Until the
    // response names the new version we cannot tell echo from outside change, so wait for it.
    if (tab.saving) {
      this.deferredEvents.set(event.path, event)
      return
    }
    if (event.kind !== 'removed' && event.version && event.version === tab.article.version) return
    if (isDirty(tab.article, tab.state.doc)) {
      tab.changedOnDisk = true
      this.publish()
      return
    }
    if (event.kind === 'removed') {
      tab.changedOnDisk = true
      tab.article = { ...tab.article, version: null }
      this.publish()
      return
    }
    const doc = await this.api.readArticle({ path: event.path })
    const current = this.tabs.get(event.path)
    if (!current || isDirty(current.article, current.state.doc)) return
    this.replaceText(current, doc.text)
    const plainBefore = current.article.error !== undefined
    current.article = openedArticle(doc)
    if (plainBefore !== (doc.error !== undefined))
      this.setPlainText(current, doc.error !== undefined)
    this.publish()
  }

  /**
   * Applies `spec` to a tab's state: through the view when the tab is the one shown (the view
   * owns that state), else to the state kept for it. Autosave and journal are the caller's.
   */
  private applyToTab(tab: Tab, spec: TransactionSpec): void {
    if (this.active === tab.article.path && this.view) {
      this.view.dispatch(spec)
      tab.state = this.view.state
    } else {
      tab.state = tab.state.update(spec).state
    }
  }

  private replaceText(tab: Tab, text: string): void {
    this.applyToTab(tab, { changes: { from: 0, to: tab.state.doc.length, insert: text } })
    if (this.active === tab.article.path) this.options.onActiveText?.(tab.article.path, tab.state)
  }

  private setPlainText(tab: Tab, plain: boolean): void {
    this.applyToTab(tab, {
      effects: languageCompartment.reconfigure(plain ? [] : markdownSupport()),
    })
  }

  /** Applies a transaction spec to every open article's state (e.g. toggling focus mode). */
  reconfigureAll(effects: StateEffect<unknown>[]): void {
    for (const tab of this.tabs.values()) this.applyToTab(tab, { effects })
  }

  /** Forgets every tab (a different workspace was opened). Unsaved edits must be saved first. */
  reset(): void {
    this.autosaves.cancelAll()
    this.journalWrites.cancelAll()
    this.tabs.clear()
    this.order = []
    this.active = null
    this.conflict = null
    this.publish()
    this.options.onActiveText?.(null, null)
  }
}
