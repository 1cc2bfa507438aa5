import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { blogComments, eq, mailOutbox, users } from '@jouwbot/db'
import { truncateAll } from '@jouwbot/db/testing'
import { issueCommentFormToken } from '@jouwbot/api/marketing/blog'
import { createMember, makeStaff } from '../helpers/accounts.ts'
import { comment, insertPost, typedFormToken, userIdOf } from '../helpers/blog.ts'
import { expectRefusal, expectThrottled } from '../helpers/flows.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ webDist: null })
})
afterAll(async () => {
  await server.close()
})
beforeEach(async () => {
  await truncateAll(server.handle)
})

const minute = 60_000

async function admin() {
  const member = await createMember(server.deps, { firstName: 'Robin' })
  const staff = await makeStaff(server.deps, member)
  return { ...member, id: staff.id, api: await member.client.api() }
}

/** A member whose comments no longer wait: two approved by a moderator. */
async function trustedMember(postId: string, firstName = 'Sanne') {
  const member = await createMember(server.deps, { firstName })
  const moderator = await admin()
  for (const text of ['Eerste reactie', 'Tweede reactie']) {
    const { id } = await comment(server.deps, member.client, postId, text)
    await moderator.api.admin.blog.moderate({ commentId: id, decision: 'approve' })
    server.deps.clock.advance(minute)
  }
  return member
}

describe('moderation of new members', () => {
  test('a first comment waits: only its author sees it, until a moderator approves it', async () => {
    const post = await insertPost(server.deps)
    const author = await createMember(server.deps)
    const reader = await createMember(server.deps, { firstName: 'Lotte' })
    const { id, status } = await comment(server.deps, author.client, post.id, 'Goede uitleg, dank je!')
    expect(status).toBe('pending')
    expect(await (await reader.client.api()).blog.comments.list({ postId: post.id })).toEqual([])
    const own = await (await author.client.api()).blog.comments.list({ postId: post.id })
    expect(own).toMatchObject([{ id, pending: true, mine: true }])

    const moderator = await admin()
    expect((await moderator.api.admin.blog.queue({})).comments.map((c) => c.id)).toEqual([id])
    await moderator.api.admin.blog.moderate({ commentId: id, decision: 'approve' })
    expect(await (await reader.client.api()).blog.comments.list({ postId: post.id })).toMatchObject([{ id, pending: false, authorName: 'Sanne d.', html: '<p>Goede uitleg, dank je!</p>\n' }])
    expect((await moderator.api.admin.blog.queue({})).comments).toEqual([])
  })

  test('the queue comes a page at a time, oldest first, with the HTML stored when the comment was written', async () => {
    const post = await insertPost(server.deps)
    const ids: string[] = []
    for (const name of ['Anna', 'Bram', 'Cor']) {
      const author = await createMember(server.deps, { firstName: name })
      ids.push((await comment(server.deps, author.client, post.id, `Reactie van **${name}**`)).id)
      server.deps.clock.advance(minute)
    }
    const [stored] = await server.deps.db.select().from(blogComments).where(eq(blogComments.id, ids[0]!))
    expect(stored?.bodyHtml).toBe('<p>Reactie van <strong>Anna</strong></p>\n')
    const moderator = await admin()
    const first = await moderator.api.admin.blog.queue({ limit: 2 })
    expect(first.comments.map((c) => c.id)).toEqual(ids.slice(0, 2))
    expect(first.comments[0]?.html).toBe('<p>Reactie van <strong>Anna</strong></p>\n')
    expect(first.nextCursor).toBe(ids[1])
    const second = await moderator.api.admin.blog.queue({ limit: 2, cursor: first.nextCursor! })
    expect(second).toMatchObject({ comments: [{ id: ids[2] }], nextCursor: null })
  })

  test('after two approved comments a member’s comments appear at once; staff comments always do', async () => {
    const post = await insertPost(server.deps)
    const member = await trustedMember(post.id)
    expect((await comment(server.deps, member.client, post.id, 'Nu meteen zichtbaar')).status).toBe('approved')
    const staff = await admin()
    expect((await comment(server.deps, staff.client, post.id, 'Reactie van de redactie')).status).toBe('approved')
  })

  test('a moderator deletes a comment; a report puts an approved comment back in the queue', async () => {
    const post = await insertPost(server.deps)
    const member = await trustedMember(post.id)
    const { id } = await comment(server.deps, member.client, post.id, 'Iets vervelends')
    const reporter = await createMember(server.deps, { firstName: 'Lotte' })
    await (await reporter.client.api()).blog.comments.report({ commentId: id, reason: 'Onaardig' })
    await (await reporter.client.api()).blog.comments.report({ commentId: id, reason: 'Nog eens' })
    const moderator = await admin()
    expect((await moderator.api.admin.blog.queue({})).comments).toMatchObject([{ id, reports: 1, reasons: ['Onaardig'] }])
    await moderator.api.admin.blog.moderate({ commentId: id, decision: 'delete' })
    expect((await moderator.api.admin.blog.queue({})).comments).toEqual([])
    const [row] = await server.deps.db.select().from(blogComments).where(eq(blogComments.id, id))
    expect(row).toMatchObject({ body: '' })
    expect(row!.deletedAt).not.toBeNull()
  })

  test('members cannot reach the moderation queue, and staff without 2FA neither', async () => {
    const member = await createMember(server.deps)
    await expectRefusal((await member.client.api()).admin.blog.queue({}), 'FORBIDDEN', 'error.forbidden')
    await server.deps.db.update(users).set({ role: 'admin' }).where(eq(users.email, member.email))
    await expectRefusal((await member.client.api()).admin.blog.queue({}), 'FORBIDDEN', 'privacy.staffTwoFactorRequired')
  })
})

describe('the member’s own comments', () => {
  test('deleting your own comment works at any time; the text is gone and a reply thread keeps a placeholder', async () => {
    const post = await insertPost(server.deps)
    const author = await trustedMember(post.id)
    const replier = await trustedMember(post.id, 'Lotte')
    const { id } = await comment(server.deps, author.client, post.id, 'Mijn vraag over webhooks')
    const reply = await comment(server.deps, replier.client, post.id, 'Mijn antwoord', { parentId: id })
    await expectRefusal((await replier.client.api()).blog.comments.delete({ commentId: id }), 'FORBIDDEN', 'blog.notYourComment')

    // Long after the edit window (sessions last 30 days without use, so less than that).
    server.deps.clock.advance(20 * 24 * 60 * minute)
    await (await author.client.api()).blog.comments.delete({ commentId: id })
    await (await author.client.api()).blog.comments.delete({ commentId: id })
    const [row] = await server.deps.db.select().from(blogComments).where(eq(blogComments.id, id))
    expect(row!.body).toBe('')
    const thread = await (await replier.client.api()).blog.comments.list({ postId: post.id })
    const placeholder = thread.find((c) => c.id === id)
    expect(placeholder).toMatchObject({ deleted: true, authorName: null, html: '' })
    expect(placeholder!.replies.map((r) => r.id)).toEqual([reply.id])
    expect(JSON.stringify(thread)).not.toContain('webhooks')
  })

  test('a deleted comment without replies disappears entirely', async () => {
    const post = await insertPost(server.deps)
    const author = await trustedMember(post.id)
    const { id } = await comment(server.deps, author.client, post.id, 'Even weg')
    await (await author.client.api()).blog.comments.delete({ commentId: id })
    expect((await (await author.client.api()).blog.comments.list({ postId: post.id })).map((c) => c.id)).not.toContain(id)
  })

  test('editing is possible for 15 minutes, only by the author', async () => {
    const post = await insertPost(server.deps)
    const author = await trustedMember(post.id)
    const other = await createMember(server.deps, { firstName: 'Lotte' })
    const { id } = await comment(server.deps, author.client, post.id, 'Tikfuot')
    server.deps.clock.advance(14 * minute)
    const edited = await (await author.client.api()).blog.comments.edit({ commentId: id, body: 'Tikfout' })
    expect(edited.editedAt).not.toBeNull()
    await expectRefusal((await other.client.api()).blog.comments.edit({ commentId: id, body: 'Van mij' }), 'FORBIDDEN', 'blog.notYourComment')
    server.deps.clock.advance(2 * minute)
    await expectRefusal((await author.client.api()).blog.comments.edit({ commentId: id, body: 'Te laat' }), 'CONFLICT', 'blog.editWindowOver')
    const [row] = await server.deps.db.select().from(blogComments).where(eq(blogComments.id, id))
    expect(row!.body).toBe('Tikfout')
  })

  test('one level of replies: a reply to a reply is refused', async () => {
    const post = await insertPost(server.deps)
    const member = await trustedMember(post.id)
    const top = await comment(server.deps, member.client, post.id, 'Bovenaan')
    const reply = await comment(server.deps, member.client, post.id, 'Antwoord', { parentId: top.id })
    await expectRefusal(comment(server.deps, member.client, post.id, 'Dieper', { parentId: reply.id }), 'BAD_REQUEST', 'blog.replyDepth')
  })

  test('a reply mails the parent’s author once, only when they asked for it', async () => {
    const post = await insertPost(server.deps, { title: 'Webhooks uitgelegd' })
    const author = await trustedMember(post.id)
    const quiet = await trustedMember(post.id, 'Kees')
    const replier = await trustedMember(post.id, 'Lotte')
    const wants = await comment(server.deps, author.client, post.id, 'Mail me', { notifyReplies: true })
    const silent = await comment(server.deps, quiet.client, post.id, 'Mail me niet')
    server.deps.clock.advance(minute)
    const reply = await comment(server.deps, replier.client, post.id, 'Hier is je antwoord', { parentId: wants.id })
    await comment(server.deps, replier.client, post.id, 'En jij ook', { parentId: silent.id })
    const mails = await server.deps.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'blogCommentReply'))
    expect(mails.map((m) => m.to)).toEqual([author.email])
    expect(mails[0]!.text).toContain('Lotte')
    expect(mails[0]!.text).toContain(`/blog/${post.slug}#reactie-${reply.id}`)
  })
})

describe('spam defence', () => {
  test('honeypot, time-to-submit and a forged form stamp', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    const api = await member.client.api()
    const base = { postId: post.id, parentId: null, body: 'Hallo', notifyReplies: false }
    await expectRefusal(api.blog.comments.post({ ...base, website: 'https://spam.example', formToken: typedFormToken(server.deps) }), 'BAD_REQUEST', 'blog.spam')
    await expectRefusal(api.blog.comments.post({ ...base, website: '', formToken: issueCommentFormToken(server.deps) }), 'BAD_REQUEST', 'blog.tooFast')
    const [stamp] = typedFormToken(server.deps).split('.')
    await expectRefusal(api.blog.comments.post({ ...base, website: '', formToken: `${Number(stamp) - 60_000}.vervalst` }), 'BAD_REQUEST', 'blog.formExpired')
    const old = issueCommentFormToken(server.deps)
    server.deps.clock.advance(25 * 60 * minute)
    await expectRefusal(api.blog.comments.post({ ...base, website: '', formToken: old }), 'BAD_REQUEST', 'blog.formExpired')
    expect(await server.deps.db.select().from(blogComments)).toEqual([])
  })

  test('more than 3 links, the same text twice, and too many comments a minute are refused', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    await expectRefusal(comment(server.deps, member.client, post.id, 'https://a.nl https://b.nl [c](https://c.nl) www.d.nl'), 'BAD_REQUEST', 'blog.tooManyLinks')
    server.deps.clock.advance(minute)
    await comment(server.deps, member.client, post.id, 'Zie https://jouwbot.nl')
    await expectRefusal(comment(server.deps, member.client, post.id, '  zie   HTTPS://jouwbot.nl '), 'CONFLICT', 'blog.duplicate')
    server.deps.clock.advance(minute)
    await comment(server.deps, member.client, post.id, 'Een')
    await comment(server.deps, member.client, post.id, 'Twee')
    await comment(server.deps, member.client, post.id, 'Drie')
    await expectThrottled(comment(server.deps, member.client, post.id, 'Vier'), 60)
  })

  test('the same comment sent twice at once is stored once', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    const api = await member.client.api()
    const token = typedFormToken(server.deps)
    const send = () => api.blog.comments.post({ postId: post.id, parentId: null, body: 'Dubbelklik', notifyReplies: false, website: '', formToken: token })
    const results = await Promise.allSettled([send(), send()])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: 'blog.duplicate' } })
    expect(await server.deps.db.select().from(blogComments)).toHaveLength(1)
  })

  test('a member without a confirmed e-mail address cannot comment', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    await server.deps.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.email, member.email))
    await expectRefusal(comment(server.deps, member.client, post.id, 'Hallo'), 'FORBIDDEN', 'blog.emailNotVerified')
  })

  test('a blocked member cannot comment until the block is lifted', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    const moderator = await admin()
    const memberId = await userIdOf(server.deps, member.email)
    await moderator.api.admin.blog.block({ userId: memberId, reason: 'Spam' })
    expect(await moderator.api.admin.blog.blocked()).toMatchObject([{ userId: memberId, reason: 'Spam' }])
    await expectRefusal(comment(server.deps, member.client, post.id, 'Hallo'), 'FORBIDDEN', 'blog.blocked')
    await moderator.api.admin.blog.unblock({ userId: memberId })
    expect((await comment(server.deps, member.client, post.id, 'Hallo')).status).toBe('pending')
  })

  test('comments on a draft or an unknown post are refused', async () => {
    const draft = await insertPost(server.deps, { status: 'draft', publishAt: null })
    const member = await createMember(server.deps)
    await expectRefusal(comment(server.deps, member.client, draft.id, 'Hallo'), 'NOT_FOUND', 'blog.postNotFound')
  })
})

describe('sanitising', () => {
  test('script, event handlers and javascript: links never reach the thread as markup', async () => {
    const post = await insertPost(server.deps)
    const member = await trustedMember(post.id)
    await comment(server.deps, member.client, post.id, '<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) [site](https://jouwbot.nl)')
    const [, , latest] = await (await member.client.api()).blog.comments.list({ postId: post.id })
    expect(latest!.html).not.toMatch(/<script|<img|href="javascript/i)
    expect(latest!.html).toContain('&lt;script&gt;')
    expect(latest!.html).toContain('<a href="https://jouwbot.nl" rel="nofollow ugc noopener">site</a>')
  })
})

describe('the comment form on the server-rendered page', () => {
  const cookieOf = (client: { token: string | null }) => `jb_session=${client.token}`
  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) })

  test('a signed-in member posts and deletes a comment with plain forms; another site cannot', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    const page = await (await fetch(`${server.url}/blog/${post.slug}`, { headers: { Cookie: cookieOf(member.client) } })).text()
    const formToken = page.match(/name="formToken" value="([^"]+)"/)![1]!
    server.deps.clock.advance(10_000)
    const fields = { body: 'Via het formulier', formToken, website: '', notifyReplies: 'on' }
    const forged = await postForm(`/blog/${post.slug}/reacties`, fields, { Cookie: cookieOf(member.client), Origin: 'https://evil.example' })
    expect(forged.status).toBe(403)
    const sent = await postForm(`/blog/${post.slug}/reacties`, fields, { Cookie: cookieOf(member.client), Origin: server.url })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe(`/blog/${post.slug}?melding=waiting#reacties`)
    const [row] = await server.deps.db.select().from(blogComments)
    expect(row).toMatchObject({ body: 'Via het formulier', notifyReplies: true, status: 'pending' })

    const after = await (await fetch(`${server.url}/blog/${post.slug}?melding=waiting`, { headers: { Cookie: cookieOf(member.client) } })).text()
    expect(after).toContain('Wacht op goedkeuring')
    expect(after).toContain('Via het formulier')
    const anonymous = await (await fetch(`${server.url}/blog/${post.slug}`)).text()
    expect(anonymous).not.toContain('Via het formulier')
    expect(anonymous).toContain('Log in om te reageren.')

    const removed = await postForm(`/blog/${post.slug}/reacties/${row!.id}/verwijderen`, {}, { Cookie: cookieOf(member.client), Origin: server.url })
    expect(removed.headers.get('location')).toBe(`/blog/${post.slug}?melding=deleted#reacties`)
    const [gone] = await server.deps.db.select().from(blogComments)
    expect(gone!.body).toBe('')
  })

  test('a refused comment comes back as a readable error, not a stack trace', async () => {
    const post = await insertPost(server.deps)
    const member = await createMember(server.deps)
    const sent = await postForm(`/blog/${post.slug}/reacties`, { body: 'Snel', formToken: issueCommentFormToken(server.deps), website: '' }, { Cookie: cookieOf(member.client), Origin: server.url })
    expect(sent.headers.get('location')).toBe(`/blog/${post.slug}?fout=blog.tooFast#reacties`)
    const page = await (await fetch(`${server.url}${sent.headers.get('location')}`, { headers: { Cookie: cookieOf(member.client) } })).text()
    expect(page).toContain('Dat ging wel erg snel.')
  })
})
