import { describe, expect, it, vi } from 'vitest'
import type { RouteObject } from 'react-router'
import { matchWebRoute, webRoutePatterns } from '@jouwbot/shared'
import { routes } from './router.tsx'

// The route objects are what is tested, not the pages: the statically imported ones touch the DOM on load.
vi.mock('./components/Layout.tsx', () => ({ Layout: () => null }))
vi.mock('./components/Loading.tsx', () => ({ Loading: () => null, PageLoading: () => null }))
vi.mock('./components/RequireAdmin.tsx', () => ({ RequireAdmin: () => null }))
vi.mock('./components/RequireAuth.tsx', () => ({ RequireAuth: () => null }))
vi.mock('./pages/site/HomePage.tsx', () => ({ HomePage: () => null }))
vi.mock('./pages/site/NotFoundPage.tsx', () => ({ NotFoundPage: () => null }))
vi.mock('./pages/site/RouteErrorPage.tsx', () => ({ RouteErrorPage: () => null }))

/** Every full path the router can show a page for (layouts without a path add nothing; the catch-all is the 404). */
function pathsOf(list: RouteObject[], prefix: string): string[] {
  const out: string[] = []
  for (const route of list) {
    if (route.path === '*') continue
    const here = route.path === undefined ? prefix : `${prefix.replace(/\/$/, '')}/${route.path}`
    if (route.index || (route.path !== undefined && !route.children)) out.push(here)
    else if (route.path !== undefined && route.element === undefined && route.lazy !== undefined) out.push(here)
    if (route.children) out.push(...pathsOf(route.children, here))
  }
  return out
}

describe('the server knows the SPA route table', () => {
  const routerPaths = [...new Set(pathsOf(routes, '/'))].sort()

  it('lists exactly the router paths in packages/shared/src/web-routes.ts', () => {
    expect(routerPaths.length).toBeGreaterThan(20)
    expect([...webRoutePatterns].sort()).toEqual(routerPaths)
  })

  it('keeps one catch-all that shows the 404 page', () => {
    const catchAll = JSON.stringify(routes, (_key, value: unknown) => (typeof value === 'function' ? undefined : value))
    expect(catchAll).toContain('"path":"*"')
  })

  it('matches like react-router: params take one segment, trailing slash and case ignored', () => {
    expect(matchWebRoute('/')).toBe('/')
    expect(matchWebRoute('/prijzen/')).toBe('/prijzen')
    expect(matchWebRoute('/Prijzen')).toBe('/prijzen')
    expect(matchWebRoute('/cursus/premium')).toBe('/cursus/:courseSlug')
    expect(matchWebRoute('/cursus/premium/les/intro')).toBe('/cursus/:courseSlug/les/:lessonSlug')
    expect(matchWebRoute('/cursus/premium/extra')).toBeNull()
    expect(matchWebRoute('/bestaat-niet')).toBeNull()
    expect(matchWebRoute('/admin/onbekend')).toBeNull()
    expect(matchWebRoute('/%E0%A4%A')).toBeNull()
  })
})
