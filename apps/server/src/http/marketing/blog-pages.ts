import express, { Router, type Request, type Response } from 'express'
import type { AppDeps } from '@jouwbot/api'
import {
  deleteOwnComment,
  editComment,
  getPublishedPost,
  isBlockedCommenter,
  issueCommentFormToken,
  listPostComments,
  listPublishedPosts,
  postComment,
  reportComment,
  shareLinks,
  siteLinks,
  type ThreadComment,
} from '@jouwbot/api/marketing/blog'
import { AppError, blogCommentEditInput, blogCommentInput, blogCommentReportInput, blogSlugSchema, blogTagSchema, isUuid } from '@jouwbot/shared'
import type { UserRow } from '@jouwbot/auth'
import { sessionUser } from '../session-user.ts'
import { countServerPageView } from './stats-collect.ts'
import { blogTexts, fill, type BlogTexts } from './blog-texts.ts'
import { html, PUBLIC_PAGE_CSS, publicPageCss, raw, renderPublicPage, type SafeHtml } from './public-page.ts'

/** Kept tiny and optional: it only reveals the "Share via…" button where the browser has the Web Share API. */
export const shareScript = `document.querySelectorAll('[data-web-share]').forEach(function(b){if(!navigator.share)return;b.hidden=false;b.addEventListener('click',function(){navigator.share({title:b.dataset.title,url:b.dataset.url}).catch(function(){})})})\n`
export const SHARE_SCRIPT_PATH = '/blog/share.js'

const dateFormat = { nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }) }
const timeFormat = { nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }) }

const feedLink = (t: BlogTexts) => ({ rel: 'alternate', type: 'application/atom+xml', href: '/blog/feed.xml', title: `Jouw Bot — ${t.blogTitle}` })

function sendPage(res: Response, status: number, page: string, cache: string): void {
  res.status(status).type('html').set('Cache-Control', cache).send(page)
}

/**
 * GET /blog, /blog/tag/:tag, /blog/:slug — the blog as plain HTML (no script needed to read), and
 * the comment forms as plain HTML forms (POST, session cookie, the app's CSRF guard: same-origin
 * only), each answering with a redirect back to the post (303, post/redirect/get).
 */
export function blogPagesRouter(deps: AppDeps): Router {
  const router = Router()
  const origin = deps.appOrigin
  const form = express.urlencoded({ extended: false, limit: '20kb', parameterLimit: 20 })

  router.get(PUBLIC_PAGE_CSS, (_req, res) => {
    res.type('css').set('Cache-Control', 'public, max-age=3600').send(publicPageCss)
  })
  router.get(SHARE_SCRIPT_PATH, (_req, res) => {
    res.type('js').set('Cache-Control', 'public, max-age=3600').send(shareScript)
  })

  const postList = (posts: Awaited<ReturnType<typeof listPublishedPosts>>, t: BlogTexts): SafeHtml =>
    posts.length === 0
      ? html`<p>${t.noPosts}</p>`
      : html`<ul class="post-list">${posts.map(
          (p) => html`<li><article><h2><a href="/blog/${p.slug}">${p.title}</a></h2>
<p class="meta"><time datetime="${p.publishAt?.toISOString()}">${p.publishAt ? dateFormat.nl.format(p.publishAt) : ''}</time></p>
<p>${p.summary}</p>${tagList(p.tags)}</article></li>`,
        )}</ul>`

  // Readers of these pages run no script, so the server counts the view (after a 200 answer).
  router.get(['/blog', '/blog/tag/:tag', '/blog/:slug'], (req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode === 200) countServerPageView(deps, req, (error) => req.log.warn({ err: error }, 'blog page view not counted'))
    })
    next()
  })

  router.get('/blog', async (_req, res, next) => {
    try {
      const t = blogTexts.nl
      const posts = await listPublishedPosts(deps)
      const body = html`<h1>${t.blogTitle}</h1>${postList(posts, t)}`
      sendPage(res, 200, renderPublicPage({ title: `${t.blogTitle} — Jouw Bot`, description: t.blogDescription, canonical: `${origin}/blog`, og: { type: 'website' }, body, links: [feedLink(t)] }), 'public, max-age=60')
    } catch (error) {
      next(error)
    }
  })

  router.get('/blog/tag/:tag', async (req, res, next) => {
    try {
      const t = blogTexts.nl
      const parsed = blogTagSchema.safeParse(req.params.tag)
      const posts = parsed.success ? await listPublishedPosts(deps, { tag: parsed.data }) : []
      const tag = parsed.success ? parsed.data : ''
      const body = html`<p><a href="/blog">← ${t.blogTitle}</a></p><h1>${fill(t.tagTitle, { tag })}</h1>${postList(posts, t)}`
      sendPage(
        res,
        posts.length === 0 ? 404 : 200,
        renderPublicPage({ title: `${fill(t.tagTitle, { tag })} — Jouw Bot`, description: fill(t.tagDescription, { tag }), canonical: `${origin}/blog/tag/${encodeURIComponent(tag)}`, og: { type: 'website' }, body, links: [feedLink(t)] }),
        'public, max-age=60',
      )
    } catch (error) {
      next(error)
    }
  })

  router.get('/blog/:slug', async (req, res, next) => {
    try {
      const parsed = blogSlugSchema.safeParse(req.params.slug)
      const post = parsed.success ? await getPublishedPost(deps, { slug: parsed.data }) : null
      if (!post) return notFoundPage(res, origin)
      const viewer = await sessionUser(deps, req)
      const comments = await listPostComments(deps, { postId: post.id, viewerId: viewer?.id ?? null })
      const blocked = viewer ? await isBlockedCommenter(deps, { userId: viewer.id }) : false
      const t = blogTexts[post.language]
      const canonical = `${origin}/blog/${post.slug}`
      const flash = flashOf(req, t)
      const token = issueCommentFormToken(deps)
      const ctx: CommentContext = { t, slug: post.slug, postId: post.id, viewer, blocked, token, lang: post.language }
      const body = html`<article>
<h1>${post.title}</h1>
<p class="meta"><time datetime="${post.publishAt?.toISOString()}">${post.publishAt ? dateFormat[post.language].format(post.publishAt) : ''}</time>${post.authorName ? html` · ${fill(t.by, { name: post.authorName })}` : ''}</p>
${post.coverImageKey ? html`<p><img src="/blog/images/${post.coverImageKey}" alt="" width="1200" height="630"></p>` : ''}
<div class="post-body">${raw(post.html)}</div>
${post.tags.length ? html`<h2 class="visually-hidden">${t.tags}</h2>${tagList(post.tags)}` : ''}
</article>
<section aria-labelledby="share-title"><h2 id="share-title">${t.share}</h2>
<ul class="share">${shareLinks(canonical, post.title).map((s) => html`<li><a href="${s.href}" rel="noopener noreferrer" target="_blank" data-network="${s.network}">${s.label}</a></li>`)}
<li><button type="button" data-web-share data-title="${post.title}" data-url="${canonical}" hidden>${t.shareNative}</button></li>
<li><a href="${siteLinks.youtube}" rel="noopener noreferrer" target="_blank">${t.youtube}</a></li></ul></section>
<section class="comments" id="reacties" aria-labelledby="comments-title"><h2 id="comments-title">${t.comments}</h2>
${flash}
${comments.length === 0 ? html`<p>${t.noComments}</p>` : comments.map((c) => commentItem(c, ctx, true))}
${commentForm(ctx, null)}
</section>`
      sendPage(
        res,
        200,
        renderPublicPage({
          title: `${post.title} — Jouw Bot`,
          description: post.summary || post.title,
          canonical,
          lang: post.language,
          og: { type: 'article', image: post.coverImageKey ? `${origin}/blog/images/${post.coverImageKey}` : null, publishedTime: post.publishAt, tags: post.tags },
          body,
          links: [feedLink(t)],
          scripts: [SHARE_SCRIPT_PATH],
        }),
        'private, no-cache',
      )
    } catch (error) {
      next(error)
    }
  })

  /** Runs a form action for a signed-in member and redirects back to the post with a notice. */
  const action = (run: (req: Request, user: UserRow, slug: string) => Promise<string>) => async (req: Request, res: Response) => {
    const slug = blogSlugSchema.safeParse(req.params.slug).success ? String(req.params.slug) : ''
    const back = (query: string) => res.redirect(303, `/blog/${slug}?${query}#reacties`)
    if (!slug) return res.redirect(303, '/blog')
    const user = await sessionUser(deps, req)
    if (!user) return back('fout=error.unauthorized')
    try {
      back(`melding=${await run(req, user, slug)}`)
    } catch (error) {
      const key = error instanceof AppError ? error.key : error instanceof FormError ? 'error.invalidInput' : 'generic'
      if (!(error instanceof AppError) && !(error instanceof FormError)) req.log?.error({ err: error }, 'blog form failed')
      back(`fout=${encodeURIComponent(key)}`)
    }
  }
  const field = (req: Request, name: string): string => {
    const value = (req.body as Record<string, unknown> | undefined)?.[name]
    return typeof value === 'string' ? value : ''
  }
  const commentId = (req: Request): string => {
    const id = String(req.params.id)
    if (!isUuid(id)) throw new FormError()
    return id
  }

  router.post(
    '/blog/:slug/reacties',
    form,
    action(async (req, user, slug) => {
      const post = await getPublishedPost(deps, { slug })
      if (!post) throw new AppError('NOT_FOUND', 'blog.postNotFound')
      const parentId = field(req, 'parentId')
      const input = blogCommentInput.safeParse({
        postId: post.id,
        parentId: parentId === '' ? null : parentId,
        body: field(req, 'body'),
        notifyReplies: field(req, 'notifyReplies') === 'on',
        website: field(req, 'website'),
        formToken: field(req, 'formToken'),
      })
      if (!input.success) throw new FormError()
      const result = await postComment(deps, { ...input.data, authorId: user.id })
      return result.status === 'approved' ? 'posted' : 'waiting'
    }),
  )
  router.post(
    '/blog/:slug/reacties/:id/verwijderen',
    form,
    action(async (req, user) => {
      await deleteOwnComment(deps, { authorId: user.id, commentId: commentId(req) })
      return 'deleted'
    }),
  )
  router.post(
    '/blog/:slug/reacties/:id/bewerken',
    form,
    action(async (req, user) => {
      const input = blogCommentEditInput.safeParse({ commentId: commentId(req), body: field(req, 'body') })
      if (!input.success) throw new FormError()
      await editComment(deps, { ...input.data, authorId: user.id })
      return 'saved'
    }),
  )
  router.post(
    '/blog/:slug/reacties/:id/melden',
    form,
    action(async (req, user) => {
      const input = blogCommentReportInput.safeParse({ commentId: commentId(req), reason: field(req, 'reason') })
      if (!input.success) throw new FormError()
      await reportComment(deps, { ...input.data, reporterId: user.id })
      return 'reported'
    }),
  )
  return router
}

class FormError extends Error {}

interface CommentContext {
  t: BlogTexts
  slug: string
  postId: string
  viewer: UserRow | null
  blocked: boolean
  token: string
  lang: 'nl' | 'en'
}

function tagList(tags: string[]): SafeHtml {
  return tags.length ? html`<ul class="tags">${tags.map((tag) => html`<li><a href="/blog/tag/${tag}">#${tag}</a></li>`)}</ul>` : html``
}

const notices = ['posted', 'waiting', 'deleted', 'saved', 'reported'] as const

function flashOf(req: Request, t: BlogTexts): SafeHtml {
  const notice = typeof req.query.melding === 'string' ? req.query.melding : ''
  const error = typeof req.query.fout === 'string' ? req.query.fout : ''
  if ((notices as readonly string[]).includes(notice)) return html`<p class="notice" role="status">${t[notice as (typeof notices)[number]]}</p>`
  if (error) return html`<p class="notice error" role="alert" id="comment-error">${t.errors[error] ?? t.errors.generic}</p>`
  return html``
}

function commentItem(c: ThreadComment, ctx: CommentContext, topLevel: boolean): SafeHtml {
  const { t } = ctx
  if (c.deleted) {
    return html`<div class="comment deleted" id="reactie-${c.id}"><p>${t.deletedComment}</p>${c.replies.length ? html`<div class="replies">${c.replies.map((r) => commentItem(r, ctx, false))}</div>` : ''}</div>`
  }
  const base = `/blog/${ctx.slug}/reacties/${c.id}`
  const canAct = ctx.viewer !== null
  return html`<article class="comment" id="reactie-${c.id}" aria-label="${c.authorName ?? ''}">
<header><strong>${c.authorName}</strong> · <time datetime="${c.createdAt.toISOString()}">${timeFormat[ctx.lang].format(c.createdAt)}</time>${c.editedAt ? html` · ${t.edited}` : ''}${c.pending ? html` <span class="badge">${t.pending}</span>` : ''}</header>
<div class="comment-body">${raw(c.html)}</div>
${
  c.mine
    ? html`${c.canEdit ? html`<details><summary>${t.edit}</summary><form method="post" action="${base}/bewerken"><label for="edit-${c.id}">${t.yourComment}</label><textarea id="edit-${c.id}" name="body" required maxlength="5000">${c.markdown}</textarea><button class="button" type="submit">${t.save}</button></form></details>` : ''}
<form method="post" action="${base}/verwijderen"><button class="button" type="submit">${t.delete}</button></form>`
    : canAct
      ? html`<details><summary>${t.report}</summary><form method="post" action="${base}/melden"><label for="report-${c.id}">${t.reportReason}</label><input type="text" id="report-${c.id}" name="reason" maxlength="500"><button class="button" type="submit">${t.sendReport}</button></form></details>`
      : ''
}
${topLevel && !c.pending ? html`${c.replies.length ? html`<div class="replies">${c.replies.map((r) => commentItem(r, ctx, false))}</div>` : ''}${canAct && !ctx.blocked && ctx.viewer?.emailVerifiedAt ? html`<details><summary>${t.replyTo}</summary>${commentForm(ctx, c.id)}</details>` : ''}` : ''}
</article>`
}

function commentForm(ctx: CommentContext, parentId: string | null): SafeHtml {
  const { t, viewer } = ctx
  if (!viewer) {
    return parentId ? html`` : html`<p>${t.logInToComment} <a class="button primary" href="/login?next=${encodeURIComponent(`/blog/${ctx.slug}`)}">${t.logIn}</a> <a class="button" href="/signup">${t.signUp}</a></p>`
  }
  if (ctx.blocked) return parentId ? html`` : html`<p>${t.blocked}</p>`
  if (!viewer.emailVerifiedAt) return parentId ? html`` : html`<p>${t.verifyToComment}</p>`
  const id = parentId ? `reply-${parentId}` : 'new-comment'
  return html`<form method="post" action="/blog/${ctx.slug}/reacties" class="comment-form">
${parentId ? '' : html`<h3>${t.writeComment}</h3>`}
<input type="hidden" name="formToken" value="${ctx.token}">
${parentId ? html`<input type="hidden" name="parentId" value="${parentId}">` : ''}
<label for="${id}-body">${t.yourComment}</label>
<textarea id="${id}-body" name="body" required maxlength="5000" aria-describedby="${id}-help"></textarea>
<p id="${id}-help" class="meta">${t.commentHelp} ${t.ownDeleteNote}</p>
<div class="hp" aria-hidden="true"><label for="${id}-website">${t.honeypot}</label><input type="text" id="${id}-website" name="website" tabindex="-1" autocomplete="off"></div>
<label class="check"><input type="checkbox" name="notifyReplies"> ${t.notifyReplies}</label>
<button class="button primary" type="submit">${t.send}</button>
</form>`
}

function notFoundPage(res: Response, origin: string): void {
  const body = html`<h1>Niet gevonden</h1><p>Dit artikel bestaat niet (meer). <a href="/blog">Naar de blog</a></p>`
  sendPage(res, 404, renderPublicPage({ title: 'Niet gevonden — Jouw Bot', description: 'Dit artikel bestaat niet.', canonical: `${origin}/blog`, og: { type: 'website' }, body }), 'no-cache')
}
