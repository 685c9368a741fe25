/** The window header: which blog is open, and the Open / Build / Publish actions. */
import type { WorkspaceInfo } from '../../../core/api'

/** Props: the workspace (null before one is open), busy flags and the actions. */
export interface HeaderProps {
  workspace: WorkspaceInfo | null
  building: boolean
  theme: 'light' | 'dark'
  onOpenFolder: () => void
  onBuild: () => void
  onPublish: () => void
  onToggleTheme: () => void
}

function folderName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root
}

/** The header bar. */
export function Header(props: HeaderProps) {
  const { workspace } = props
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <div className="brand-text">
          <span className="workspace-name" data-testid="workspace-name">
            {workspace ? workspace.site.title || folderName(workspace.root) : 'Folio'}
          </span>
          {workspace && <span className="workspace-path">{workspace.root}</span>}
        </div>
      </div>
      <div className="header-actions">
        <button
          type="button"
          className="button ghost"
          onClick={props.onToggleTheme}
          data-testid="theme-toggle"
          title="Switch light/dark"
        >
          {props.theme === 'dark' ? '☀︎' : '☾'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="open-folder-button"
          onClick={props.onOpenFolder}
        >
          Open folder…
        </button>
        <button
          type="button"
          className="button"
          data-testid="build-button"
          disabled={!workspace || props.building}
          onClick={props.onBuild}
        >
          {props.building ? 'Building…' : 'Build'}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="publish-panel-button"
          disabled={!workspace}
          onClick={props.onPublish}
        >
          Publish
        </button>
      </div>
    </header>
  )
}
