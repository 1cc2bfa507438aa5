import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { TotpCodeField, totpCodeForm } from '../../components/fields/TotpCodeField.tsx'
import { Form } from '../../components/Form.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useSudo } from '../../lib/sudo.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { TwoFactorSetup as SetupData } from './types.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { FormActions } from '../../components/FormActions.tsx'

interface Props {
  setup: SetupData
  onEnabled: (recoveryCodes: string[]) => Promise<void>
  onCancel: () => void
}

/** Scan the QR code (or type the key), then prove it works with a first code. */
export function TwoFactorSetup({ setup, onEnabled, onCancel }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const withSudo = useSudo()
  const enable = useMutation(trpc.twoFactor.enable.mutationOptions())
  const form = useZodForm({
    ...totpCodeForm,
    onSubmit: async (input) => {
      const result = await withSudo(() => enable.mutateAsync(input))
      await onEnabled(result.recoveryCodes)
    },
  })
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`

  return (
    <ol className="setup-steps">
      <li className="setup-step">
        <h3>{t('twoFactor.setup.scanTitle')}</h3>
        <p>{t('twoFactor.setup.scanText')}</p>
        <div className="qr">
          <img src={qrSrc} alt={t('twoFactor.setup.qrAlt')} width={200} height={200} />
        </div>
        <p className="muted">
          <a href={setup.uri}>{t('twoFactor.setup.openApp')}</a>
        </p>
      </li>
      <li className="setup-step">
        <h3>{t('twoFactor.setup.manualTitle')}</h3>
        <TextField
          label={t('twoFactor.setup.secret')}
          hint={t('twoFactor.setup.secretHint')}
          name="secret"
          readOnly
          spellCheck={false}
          className="input--mono"
          value={setup.secret}
          onFocus={(event) => event.currentTarget.select()}
        />
      </li>
      <li className="setup-step">
        <h3>{t('twoFactor.setup.confirmTitle')}</h3>
        <Form form={form}>
          <TotpCodeField {...form.field('code')} />
          <FormActions busy={form.busy} submitLabel={t('twoFactor.setup.submit')} pendingLabel={t('common.checking')} onCancel={onCancel} />
        </Form>
      </li>
    </ol>
  )
}
