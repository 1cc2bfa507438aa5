import { updateProfileInput, type Locale, type Me } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { TextField } from '../../components/TextField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { AccountSection } from './AccountSection.tsx'

export function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [values, setValues] = useState({
    firstName: me.firstName,
    lastName: me.lastName,
    locale: me.locale,
    newsletter: me.newsletter,
  })
  const [saved, setSaved] = useState(false)
  const update = useMutation(trpc.account.updateProfile.mutationOptions())
  const form = useForm({
    schema: updateProfileInput,
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      queryClient.setQueryData(trpc.auth.me.queryKey(), updated)
      // The profile language is also the site language.
      if (updated.locale !== i18n.resolvedLanguage) await i18n.changeLanguage(updated.locale)
      setSaved(true)
    },
  })

  function set<K extends keyof typeof values>(name: K, value: (typeof values)[K]): void {
    setValues((current) => ({ ...current, [name]: value }))
    setSaved(false)
    form.clearFieldError(name)
  }

  return (
    <AccountSection id="profile" title={t('profile.title')} intro={t('profile.intro')}>
      <form
        ref={form.formRef}
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void form.submit(values)
        }}
      >
        <FormAlert error={form.error} />
        <div className="form__row">
          <TextField
            label={t('fields.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            maxLength={100}
            value={values.firstName}
            error={form.fieldErrors.firstName}
            onChange={(event) => set('firstName', event.target.value)}
          />
          <TextField
            label={t('fields.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            maxLength={100}
            value={values.lastName}
            error={form.fieldErrors.lastName}
            onChange={(event) => set('lastName', event.target.value)}
          />
        </div>
        <SelectField
          label={t('profile.language')}
          name="locale"
          value={values.locale}
          error={form.fieldErrors.locale}
          options={[
            { value: 'nl', label: t('language.nl'), lang: 'nl' },
            { value: 'en', label: t('language.en'), lang: 'en' },
          ]}
          onChange={(event) => set('locale', event.target.value === 'en' ? 'en' : ('nl' satisfies Locale))}
        />
        <CheckboxField
          label={t('profile.newsletter')}
          hint={t('profile.newsletterHint')}
          name="newsletter"
          checked={values.newsletter}
          onChange={(event) => set('newsletter', event.target.checked)}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
          <p className="form__status" role="status">
            {saved ? t('profile.saved') : null}
          </p>
        </div>
      </form>
    </AccountSection>
  )
}
