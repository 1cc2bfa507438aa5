import { updateProfileInput, type Me } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { NameFields } from '../../components/fields/NameFields.tsx'
import { Form } from '../../components/Form.tsx'
import { SelectField } from '../../components/SelectField.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useZodForm } from '../../lib/useZodForm.ts'
import { AccountSection } from './AccountSection.tsx'

export function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const update = useMutation(trpc.account.updateProfile.mutationOptions())
  const form = useZodForm({
    schema: updateProfileInput,
    defaultValues: { firstName: me.firstName, lastName: me.lastName, locale: me.locale, newsletter: me.newsletter },
    onSubmit: async (input) => {
      const updated = await update.mutateAsync(input)
      queryClient.setQueryData(trpc.auth.me.queryKey(), updated)
      // The profile language is also the site language.
      if (updated.locale !== i18n.resolvedLanguage) await i18n.changeLanguage(updated.locale)
    },
  })

  return (
    <AccountSection id="profile" title={t('profile.title')} intro={t('profile.intro')}>
      <Form form={form}>
        <NameFields
          firstName={form.field('firstName')}
          lastName={form.field('lastName')}
        />
        <SelectField
          label={t('profile.language')}
          options={[
            { value: 'nl', label: t('language.nl'), lang: 'nl' },
            { value: 'en', label: t('language.en'), lang: 'en' },
          ]}
          {...form.field('locale')}
        />
        <CheckboxField
          label={t('profile.newsletter')}
          hint={t('profile.newsletterHint')}
          {...form.field('newsletter')}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
          <p className="form__status" role="status">
            {form.saved ? t('profile.saved') : null}
          </p>
        </div>
      </Form>
    </AccountSection>
  )
}
