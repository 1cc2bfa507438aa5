import { updateProfileInput, type Locale, type Me } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { NameFields } from '../../components/fields/NameFields.tsx'
import { Form } from '../../components/Form.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useForm } from '../../lib/useForm.ts'
import { AccountSection } from './AccountSection.tsx'

export function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [firstName, setFirstName] = useState(me.firstName)
  const [lastName, setLastName] = useState(me.lastName)
  const [locale, setLocale] = useState(me.locale)
  const [newsletter, setNewsletter] = useState(me.newsletter)
  const [saved, setSaved] = useState(false)
  const update = useMutation(trpc.account.updateProfile.mutationOptions())
  const form = useForm({
    schema: updateProfileInput,
    onEdit: () => setSaved(false),
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      queryClient.setQueryData(trpc.auth.me.queryKey(), updated)
      // The profile language is also the site language.
      if (updated.locale !== i18n.resolvedLanguage) await i18n.changeLanguage(updated.locale)
      setSaved(true)
    },
  })

  return (
    <AccountSection id="profile" title={t('profile.title')} intro={t('profile.intro')}>
      <Form form={form} onSubmit={() => form.submit({ firstName, lastName, locale, newsletter })}>
        <NameFields
          firstName={form.bind('firstName', firstName, setFirstName)}
          lastName={form.bind('lastName', lastName, setLastName)}
        />
        <SelectField
          label={t('profile.language')}
          options={[
            { value: 'nl', label: t('language.nl'), lang: 'nl' },
            { value: 'en', label: t('language.en'), lang: 'en' },
          ]}
          {...form.bind('locale', locale, (value) => setLocale(value === 'en' ? 'en' : ('nl' satisfies Locale)))}
        />
        <CheckboxField
          label={t('profile.newsletter')}
          hint={t('profile.newsletterHint')}
          {...form.bindCheckbox('newsletter', newsletter, setNewsletter)}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
          <p className="form__status" role="status">
            {saved ? t('profile.saved') : null}
          </p>
        </div>
      </Form>
    </AccountSection>
  )
}
