import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, useId, useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { shellSaysGuest } from '../../lib/session.ts'
import { renderingServerMarkup, ServerPrefsContext } from '../../lib/ssr.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { applyConsent, browserIdForSaving, OPEN_CONSENT_EVENT, readConsent, storeConsent } from './consentStore.ts'
import './privacy.css'

/**
 * The cookie dialog: shown until this browser (or, for a member, the account) has a choice; reopened
 * from the footer. "Accept" and "Reject" are the same kind of button, side by side; the per-purpose
 * switch is one click away. Nothing but strictly necessary storage exists before a choice.
 */
export function ConsentDialog() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const titleId = useId()
  const textId = useId()
  const [stored] = useState(readConsent)
  const serverPrefs = useContext(ServerPrefsContext)
  // A visitor without a session and without a choice in this browser has nothing the server could
  // add: the banner is there from the first paint (no shift, no wait). Anyone else waits for the
  // server's answer, which may already hold the account's choice.
  // Server-rendered markup (a visitor) carries the banner unless the `jb_prefs` cookie, the mirror
  // of this browser's choice, says it was answered; hydration starts from what the server rendered
  // and the effects below settle it from localStorage right after (should the two ever differ).
  const [open, setOpen] = useState<null | 'banner' | 'cookie_settings'>(() =>
    (renderingServerMarkup() ? !serverPrefs.consentAnswered : (stored?.statistics ?? null) === null) && shellSaysGuest() ? 'banner' : null,
  )
  const [details, setDetails] = useState(false)
  const [statistics, setStatistics] = useState(false)
  const dialogRef = useRef<HTMLDivElement>(null)

  const consentInput = stored?.browserId ? { browserId: stored.browserId } : {}
  const consent = useQuery(trpc.privacy.consent.queryOptions(consentInput))
  const save = useMutation(trpc.privacy.setConsent.mutationOptions())

  useEffect(() => {
    if ((stored?.statistics ?? null) !== null) setOpen((current) => (current === 'banner' ? null : current))
  }, [stored])

  // The remembered choice (account for members, this browser for visitors) decides; otherwise ask.
  const remembered = consent.data?.choices.statistics ?? stored?.statistics ?? null
  useEffect(() => {
    if (consent.isPending) return
    if (remembered === null) {
      setOpen((current) => current ?? 'banner')
    } else {
      applyConsent(remembered)
      setStatistics(remembered)
      // Logged in meanwhile, and the account already has an answer: the question is settled.
      setOpen((current) => (current === 'banner' ? null : current))
    }
  }, [consent.isPending, remembered])

  useEffect(() => {
    const show = () => {
      setStatistics(remembered ?? false)
      setDetails(true)
      setOpen('cookie_settings')
    }
    window.addEventListener(OPEN_CONSENT_EVENT, show)
    return () => window.removeEventListener(OPEN_CONSENT_EVENT, show)
  }, [remembered])

  // Opened from the footer, focus moves into the dialog; the first-visit banner never takes focus
  // away from what the visitor is doing (it sits in the page flow, above the header).
  useEffect(() => {
    if (open === 'cookie_settings') dialogRef.current?.focus()
  }, [open])

  if (!open) return null

  const choose = async (choice: boolean) => {
    const browserId = browserIdForSaving()
    try {
      await save.mutateAsync({ browserId, choices: { statistics: choice }, channel: open })
    } catch {
      return // shown below; nothing stored, so the dialog stays
    }
    storeConsent({ browserId, statistics: choice, decidedAt: new Date().toISOString() })
    await queryClient.invalidateQueries({ queryKey: trpc.privacy.consent.queryKey() })
    setOpen(null)
    setDetails(false)
  }

  return (
    <div
      ref={dialogRef}
      className="consent-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={textId}
      tabIndex={-1}
      data-testid="consent-dialog"
    >
      <div className="container consent-dialog__inner">
        <h2 id={titleId} className="consent-dialog__title">
          {t('privacy.consent.title')}
        </h2>
        <p id={textId}>
          <Trans i18nKey="privacy.consent.text" components={{ privacy: <Link to="/privacy#cookies" /> }} />
        </p>
        {details ? (
          <fieldset className="consent-dialog__purposes">
            <legend className="visually-hidden">{t('privacy.consent.purposes')}</legend>
            <label className="consent-dialog__purpose">
              <input type="checkbox" checked disabled />
              <span>
                <strong>{t('privacy.consent.necessary')}</strong> — {t('privacy.consent.necessaryHint')}
              </span>
            </label>
            <label className="consent-dialog__purpose">
              <input type="checkbox" name="statistics" checked={statistics} onChange={(e) => setStatistics(e.target.checked)} />
              <span>
                <strong>{t('privacy.consent.statistics')}</strong> — {t('privacy.consent.statisticsHint')}
              </span>
            </label>
          </fieldset>
        ) : null}
        {save.isError ? (
          <p role="alert" className="consent-dialog__error">
            {t('privacy.consent.saveFailed')}
          </p>
        ) : null}
        <div className="consent-dialog__actions">
          <Button variant="secondary" onClick={() => void choose(false)} disabled={save.isPending}>
            {t('privacy.consent.reject')}
          </Button>
          <Button variant="secondary" onClick={() => void choose(true)} disabled={save.isPending}>
            {t('privacy.consent.accept')}
          </Button>
          {details ? (
            <Button variant="ghost" onClick={() => void choose(statistics)} disabled={save.isPending}>
              {t('privacy.consent.save')}
            </Button>
          ) : (
            <Button variant="ghost" onClick={() => setDetails(true)}>
              {t('privacy.consent.choose')}
            </Button>
          )}
        </div>
      </div>
    </div>
  )
}
