import { i18nReady } from './i18n/index.ts'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

// Settles at once for Dutch; a browser that chose English waits for its texts (no Dutch flash).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
