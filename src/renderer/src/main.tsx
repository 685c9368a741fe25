/** Renderer entry: finds the backend (desktop bridge or web server) and mounts the app. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { StartupError } from './components/StartupError'
import { getFolioApi } from './api/getFolioApi'
import { toFolioError } from '../../core/errors'
import './styles/app.css'
import './styles/articles.css'

const root = createRoot(document.getElementById('root') as HTMLElement)
try {
  const api = getFolioApi()
  root.render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  )
} catch (err) {
  root.render(<StartupError error={toFolioError(err)} />)
}
