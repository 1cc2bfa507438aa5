import type { Me } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { RecoveryCodes } from './RecoveryCodes.tsx'
import { describeError, type ErrorDetails } from '../../lib/errors.ts'
import { SudoCancelledError, useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { TwoFactorSetup as SetupData } from './types.ts'
import { AccountSection } from './AccountSection.tsx'
import { DisableTwoFactorForm } from './DisableTwoFactorForm.tsx'
import { TwoFactorSetup } from './TwoFactorSetup.tsx'

type Message = 'enabled' | 'disabled' | 'regenerated'

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const withSudo = useSudo()
  const [setup, setSetup] = useState<SetupData | null>(null)
  const [codes, setCodes] = useState<{ list: string[]; after: Message } | null>(null)
  const [disabling, setDisabling] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)
  const [error, setError] = useState<ErrorDetails | null>(null)
  const startSetup = useMutation(trpc.twoFactor.setup.mutationOptions())
  const regenerate = useMutation(trpc.twoFactor.regenerateRecoveryCodes.mutationOptions())
  const refreshMe = () => queryClient.invalidateQueries(trpc.auth.me.queryFilter())

  async function run(action: () => Promise<void>): Promise<void> {
    setError(null)
    setMessage(null)
    try {
      await action()
    } catch (caught) {
      if (!(caught instanceof SudoCancelledError)) setError(describeError(caught))
    }
  }

  let body
  if (codes) {
    body = (
      <RecoveryCodes
        codes={codes.list}
        email={me.email}
        onDone={() => {
          setMessage(codes.after)
          setCodes(null)
        }}
      />
    )
  } else if (setup) {
    body = (
      <TwoFactorSetup
        setup={setup}
        onEnabled={async (recoveryCodes) => {
          setSetup(null)
          setCodes({ list: recoveryCodes, after: 'enabled' })
          await refreshMe()
        }}
        onCancel={() => setSetup(null)}
      />
    )
  } else if (me.twoFactorEnabled) {
    body = (
      <>
        <p className="status-line">
          <span className="badge badge--success">{t('twoFactor.on')}</span> {t('twoFactor.onText')}
        </p>
        {disabling ? (
          <DisableTwoFactorForm
            onDisabled={async () => {
              setDisabling(false)
              setMessage('disabled')
              await refreshMe()
            }}
            onCancel={() => setDisabling(false)}
          />
        ) : (
          <div className="button-row">
            <Button
              variant="secondary"
              pending={regenerate.isPending}
              onClick={() =>
                void run(async () => {
                  const result = await withSudo(() => regenerate.mutateAsync())
                  setCodes({ list: result.recoveryCodes, after: 'regenerated' })
                })
              }
            >
              {t('twoFactor.regenerate')}
            </Button>
            <Button variant="danger" onClick={() => setDisabling(true)}>
              {t('twoFactor.disable')}
            </Button>
          </div>
        )}
      </>
    )
  } else {
    body = (
      <>
        <p className="status-line">
          <span className="badge badge--muted">{t('twoFactor.off')}</span> {t('twoFactor.offText')}
        </p>
        <Button
          pending={startSetup.isPending}
          pendingLabel={t('common.loading')}
          onClick={() =>
            void run(async () => {
              setSetup(await withSudo(() => startSetup.mutateAsync()))
            })
          }
        >
          {t('twoFactor.setUp')}
        </Button>
      </>
    )
  }

  return (
    <AccountSection id="twoFactor" title={t('twoFactor.title')} intro={t('twoFactor.intro')}>
      <FormAlert error={error} />
      {message ? (
        <Notice tone="success">
          <p>{t(`twoFactor.message.${message}`)}</p>
        </Notice>
      ) : null}
      {body}
    </AccountSection>
  )
}
