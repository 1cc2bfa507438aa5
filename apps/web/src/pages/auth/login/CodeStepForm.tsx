import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { Form } from '../../../components/Form.tsx'
import type { ZodForm } from '../../../lib/useZodForm.ts'

interface Props {
  form: Pick<ZodForm<{ code: string }>, 'formRef' | 'error' | 'submit' | 'busy'>
  intro: string
  /** The code field. */
  children: ReactNode
  /** Buttons under the submit button that switch to another way of logging in. */
  links: ReactNode
}

/** The second login step's form, shared by the app code and the recovery code. */
export function CodeStepForm({ form, intro, children, links }: Props) {
  const { t } = useTranslation()
  return (
    <Form form={form} intro={<p className="muted">{intro}</p>}>
      {children}
      <Button type="submit" block pending={form.busy} pendingLabel={t('totp.submitting')}>
        {t('totp.submit')}
      </Button>
      <div className="form__links">{links}</div>
    </Form>
  )
}
