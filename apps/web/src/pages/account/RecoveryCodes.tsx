import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { Notice } from '../../components/Notice.tsx'

interface Props {
  codes: readonly string[]
  email: string
  onDone: () => void
}

/** Shows freshly issued recovery codes once, with copy and download, until the member confirms. */
export function RecoveryCodes({ codes, email, onDone }: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const [saved, setSaved] = useState(false)
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const text = codes.join('\n')

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text)
      setCopyState('copied')
    } catch {
      setCopyState('failed')
    }
  }

  function download(): void {
    const body = `${t('recoveryCodes.fileHeader', { email })}\n\n${text}\n`
    const url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = 'jouwbot-herstelcodes.txt'
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  return (
    <section className="recovery" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('recoveryCodes.title')}</h3>
      <p>{t('recoveryCodes.intro')}</p>
      <ol className="recovery__codes" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('recoveryCodes.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('recoveryCodes.download')}
        </Button>
      </div>
      <div aria-live="polite" className="recovery__copy-state">
        {copyState === 'copied' ? t('recoveryCodes.copied') : null}
        {copyState === 'failed' ? t('recoveryCodes.copyFailed') : null}
      </div>
      <Notice tone="warning" live={false}>
        <p>{t('recoveryCodes.warning')}</p>
      </Notice>
      <CheckboxField
        label={t('recoveryCodes.confirm')}
        checked={saved}
        onChange={(event) => setSaved(event.target.checked)}
      />
      <Button onClick={onDone} disabled={!saved}>
        {t('recoveryCodes.done')}
      </Button>
    </section>
  )
}
