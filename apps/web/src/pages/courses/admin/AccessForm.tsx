import { grantAccessInput } from '@jouwbot/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { EmailField } from '../../../components/fields/EmailField.tsx'
import { Form } from '../../../components/Form.tsx'
import { Notice } from '../../../components/Notice.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { useTRPC } from '../../../lib/trpc.ts'
import type { CourseSummary } from '../types.ts'
import { useZodForm } from '../../../lib/useZodForm.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'

interface Props {
  courses: CourseSummary[]
  courseSlug: string
  onCourseChange: (slug: string) => void
}

type Result = { key: 'granted' | 'alreadyHad' | 'revoked' | 'nothingToRevoke'; email: string; course: string }

export function AccessForm({ courses, courseSlug, onCourseChange }: Props) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [result, setResult] = useState<Result | null>(null)
  const action = useRef<'grant' | 'revoke'>('grant')
  const grant = useMutation(trpc.admin.courseAccess.grant.mutationOptions())
  const revoke = useMutation(trpc.admin.courseAccess.revoke.mutationOptions())
  const titleOf = (slug: string) => courses.find((course) => course.slug === slug)?.title ?? slug

  const form = useZodForm({
    schema: grantAccessInput,
    // The course is chosen on the page (the member list below follows it): the select shows that choice.
    defaultValues: { courseSlug, email: '' },
    toInput: ({ email }) => ({ email, courseSlug }),
    keyFields: { 'admin.userNotFound': 'email' },
    onEdit: () => setResult(null),
    onSubmit: async (input) => {
      setResult(null)
      const course = titleOf(input.courseSlug)
      if (action.current === 'grant') {
        const { granted } = await grant.mutateAsync(input)
        setResult({ key: granted ? 'granted' : 'alreadyHad', email: input.email, course })
      } else {
        const { revoked } = await revoke.mutateAsync(input)
        setResult({ key: revoked ? 'revoked' : 'nothingToRevoke', email: input.email, course })
      }
      await queryClient.invalidateQueries(trpc.admin.courseAccess.members.pathFilter())
      await queryClient.invalidateQueries(trpc.course.outline.pathFilter())
      form.methods.setValue('email', '')
    },
  })

  function run(which: 'grant' | 'revoke'): Promise<boolean> {
    action.current = which
    return form.submit()
  }

  return (
    <AdminSection title={t('admin.access.formTitle')}>
      {result ? (
        <Notice tone={result.key === 'granted' || result.key === 'revoked' ? 'success' : 'info'}>
          <p>{t(`admin.access.result.${result.key}`, { email: result.email, course: result.course })}</p>
        </Notice>
      ) : null}
      <Form form={form} onSubmit={() => run('grant')}>
        <SelectField
          label={t('admin.access.course')}
          options={courses.map((course) => ({ value: course.slug, label: course.title }))}
          {...form.field('courseSlug', { onChange: onCourseChange })}
          value={courseSlug}
        />
        <EmailField
          label={t('admin.access.email')}
          hint={t('admin.access.emailHint')}
          autoComplete="off"
          {...form.field('email')}
        />
        <div className="form__actions">
          <Button type="submit" pending={form.busy && action.current === 'grant'} disabled={form.busy} pendingLabel={t('common.saving')}>
            {t('admin.access.grant')}
          </Button>
          <Button
            variant="secondary"
            pending={form.busy && action.current === 'revoke'}
            disabled={form.busy}
            pendingLabel={t('common.saving')}
            onClick={() => void run('revoke')}
          >
            {t('admin.access.revoke')}
          </Button>
        </div>
      </Form>
    </AdminSection>
  )
}
