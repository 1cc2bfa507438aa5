import { i18nReady } from './i18n/index.ts'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

// The first render as a transition: React yields to the browser every few milliseconds instead of
// rendering the whole page in one long task, so a tap or scroll during start-up is not held up.
void i18nReady.then(() =>
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  }),
)
