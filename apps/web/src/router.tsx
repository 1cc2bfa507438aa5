import { Navigate, Outlet, type RouteObject } from 'react-router'
import { Layout } from './components/Layout.tsx'
import { PageLoading } from './components/Loading.tsx'
import { RequireAdmin } from './components/RequireAdmin.tsx'
import { RequireAuth } from './components/RequireAuth.tsx'
import { HomePage } from './pages/site/HomePage.tsx'
import { NotFoundPage } from './pages/site/NotFoundPage.tsx'
import { RouteErrorPage } from './pages/site/RouteErrorPage.tsx'

// The landing page ships in the main bundle; pages with forms (and with them zod and the shared
// schemas) load on first visit. Every path here is also listed in `packages/shared/src/web-routes.ts`
// (the server answers 404 outside it); `web-routes.test.ts` fails when the two differ.
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        // Here, not on the layout: while a lazy page's code loads on the first visit, the header,
        // the cookie banner and the footer are already there (they used to wait for it).
        HydrateFallback: PageLoading,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'privacy',
            lazy: async () => ({ Component: (await import('./pages/privacy/PrivacyPage.tsx')).PrivacyPage }),
          },
          {
            path: 'voorwaarden',
            lazy: async () => ({ Component: (await import('./pages/legal/TermsPage.tsx')).TermsPage }),
          },
          {
            path: 'signup',
            lazy: async () => ({ Component: (await import('./pages/auth/SignUpPage.tsx')).SignUpPage }),
          },
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('./pages/auth/LogInPage.tsx')).LogInPage }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({ Component: (await import('./pages/auth/VerifyEmailPage.tsx')).VerifyEmailPage }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({ Component: (await import('./pages/auth/ForgotPasswordPage.tsx')).ForgotPasswordPage }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({ Component: (await import('./pages/auth/ResetPasswordPage.tsx')).ResetPasswordPage }),
          },
          {
            path: 'confirm-email',
            lazy: async () => ({ Component: (await import('./pages/auth/ConfirmEmailPage.tsx')).ConfirmEmailPage }),
          },
          {
            path: 'cursussen',
            lazy: async () => ({ Component: (await import('./pages/courses/CatalogPage.tsx')).CatalogPage }),
          },
          {
            path: 'cursus/:courseSlug',
            lazy: async () => ({ Component: (await import('./pages/courses/CoursePage.tsx')).CoursePage }),
          },
          {
            path: 'cursus/:courseSlug/les/:lessonSlug',
            lazy: async () => ({ Component: (await import('./pages/courses/LessonPage.tsx')).LessonPage }),
          },
          {
            path: 'certificaat/:code',
            lazy: async () => ({ Component: (await import('./pages/courses/CertificatePage.tsx')).CertificatePage }),
          },
          {
            path: 'prijzen',
            lazy: async () => ({ Component: (await import('./pages/checkout/PricingPage.tsx')).PricingPage }),
          },
          // marketing (newsletter, e-book)
          {
            path: 'stappenplan',
            lazy: async () => ({ Component: (await import('./pages/marketing/EbookPage.tsx')).EbookPage }),
          },
          {
            path: 'stappenplan/bevestigen',
            lazy: async () => ({ Component: (await import('./pages/marketing/EbookConfirmPage.tsx')).EbookConfirmPage }),
          },
          {
            path: 'nieuwsbrief',
            lazy: async () => ({ Component: (await import('./pages/marketing/NewsletterArchivePage.tsx')).NewsletterArchivePage }),
          },
          {
            path: 'nieuwsbrief/bevestigen',
            lazy: async () => ({ Component: (await import('./pages/marketing/NewsletterConfirmPage.tsx')).NewsletterConfirmPage }),
          },
          {
            path: 'nieuwsbrief/afmelden',
            lazy: async () => ({ Component: (await import('./pages/marketing/UnsubscribePage.tsx')).UnsubscribePage }),
          },
          {
            path: 'nieuwsbrief/:slug',
            lazy: async () => ({ Component: (await import('./pages/marketing/NewsletterIssuePage.tsx')).NewsletterIssuePage }),
          },
          {
            // Members only: anyone else is sent to /login?next=… and comes back after logging in.
            element: (
              <RequireAuth>
                <Outlet />
              </RequireAuth>
            ),
            children: [
              {
                path: 'account',
                lazy: async () => ({ Component: (await import('./pages/account/AccountPage.tsx')).AccountPage }),
              },
              // privacy: the member's privacy centre
              {
                path: 'account/privacy',
                lazy: async () => ({ Component: (await import('./pages/privacy/PrivacyCentrePage.tsx')).PrivacyCentrePage }),
              },
              {
                path: 'coaching',
                lazy: async () => ({ Component: (await import('./pages/coaching/CoachingPage.tsx')).CoachingPage }),
              },
              {
                path: 'coaching/coach/:coachId',
                lazy: async () => ({ Component: (await import('./pages/coaching/CoachDetailPage.tsx')).CoachDetailPage }),
              },
              {
                path: 'coaching/sessies/:bookingId',
                lazy: async () => ({ Component: (await import('./pages/coaching/SessionPage.tsx')).SessionPage }),
              },
              {
                // coaching: the coach's own pages (role coach or admin, 2FA like all staff)
                path: 'coach',
                lazy: async () => ({ Component: (await import('./pages/coaching/coach/CoachShell.tsx')).CoachShell }),
                children: [
                  { index: true, lazy: async () => ({ Component: (await import('./pages/coaching/coach/CoachSessionsPage.tsx')).CoachSessionsPage }) },
                  { path: 'profiel', lazy: async () => ({ Component: (await import('./pages/coaching/coach/CoachProfilePage.tsx')).CoachProfilePage }) },
                  { path: 'sessies', lazy: async () => ({ Component: (await import('./pages/coaching/coach/CoachSessionTypesPage.tsx')).CoachSessionTypesPage }) },
                  {
                    path: 'beschikbaarheid',
                    lazy: async () => ({ Component: (await import('./pages/coaching/coach/CoachAvailabilityPage.tsx')).CoachAvailabilityPage }),
                  },
                ],
              },
              {
                path: 'account/bestellingen',
                lazy: async () => ({ Component: (await import('./pages/checkout/OrdersPage.tsx')).OrdersPage }),
              },
              {
                path: 'afrekenen/:productSlug',
                lazy: async () => ({ Component: (await import('./pages/checkout/CheckoutPage.tsx')).CheckoutPage }),
              },
              {
                // Mollie sends the buyer back here (also the target of the no-JS "pay again" form).
                path: 'bestelling/:orderId',
                lazy: async () => ({ Component: (await import('./pages/checkout/OrderPage.tsx')).OrderPage }),
              },
              {
                path: 'dashboard',
                lazy: async () => ({ Component: (await import('./pages/courses/DashboardPage.tsx')).DashboardPage }),
              },
              {
                element: (
                  <RequireAdmin>
                    <Outlet />
                  </RequireAdmin>
                ),
                children: [
                  {
                    path: 'admin',
                    lazy: async () => ({ Component: (await import('./components/admin/AdminShell.tsx')).AdminShell }),
                    children: [
                      { index: true, element: <Navigate to="/admin/statistieken" replace /> },
                      {
                        path: 'toegang',
                        lazy: async () => ({
                          Component: (await import('./pages/courses/admin/CourseAccessPage.tsx')).CourseAccessPage,
                        }),
                      },
                      {
                        path: 'cursussen',
                        lazy: async () => ({
                          Component: (await import('./pages/courses/admin/AdminCoursesPage.tsx')).AdminCoursesPage,
                        }),
                      },
                      {
                        path: 'cursussen/:courseSlug',
                        lazy: async () => ({
                          Component: (await import('./pages/courses/admin/AdminCoursePage.tsx')).AdminCoursePage,
                        }),
                      },
                      {
                        path: 'cursussen/:courseSlug/les/:lessonId',
                        lazy: async () => ({
                          Component: (await import('./pages/courses/admin/AdminLessonPage.tsx')).AdminLessonPage,
                        }),
                      },
                      {
                        path: 'bestellingen',
                        lazy: async () => ({
                          Component: (await import('./pages/checkout/admin/AdminOrdersPage.tsx')).AdminOrdersPage,
                        }),
                      },
                      {
                        path: 'bestellingen/:orderId',
                        lazy: async () => ({
                          Component: (await import('./pages/checkout/admin/AdminOrderPage.tsx')).AdminOrderPage,
                        }),
                      },
                      {
                        path: 'producten',
                        lazy: async () => ({
                          Component: (await import('./pages/checkout/admin/AdminProductsPage.tsx')).AdminProductsPage,
                        }),
                      },
                      // privacy: requests queue and authorisations review
                      {
                        path: 'privacyverzoeken',
                        lazy: async () => ({
                          Component: (await import('./pages/privacy/admin/AdminPrivacyRequestsPage.tsx')).AdminPrivacyRequestsPage,
                        }),
                      },
                      {
                        path: 'autorisaties',
                        lazy: async () => ({
                          Component: (await import('./pages/privacy/admin/AdminAuthorisationsPage.tsx')).AdminAuthorisationsPage,
                        }),
                      },
                      {
                        path: 'privacy',
                        lazy: async () => ({
                          Component: (await import('./pages/privacy/admin/AdminPrivacyPage.tsx')).AdminPrivacyPage,
                        }),
                      },
                      // marketing (statistics): the dashboard and its charting library load only here
                      {
                        path: 'statistieken',
                        lazy: async () => ({
                          Component: (await import('./pages/marketing/stats/AdminStatsPage.tsx')).AdminStatsPage,
                        }),
                      },
                      // marketing (newsletter)
                      {
                        path: 'nieuwsbrieven',
                        lazy: async () => ({
                          Component: (await import('./pages/marketing/admin/NewslettersPage.tsx')).NewslettersPage,
                        }),
                      },
                      {
                        path: 'coaching',
                        lazy: async () => ({
                          Component: (await import('./pages/coaching/admin/AdminCoachingPage.tsx')).AdminCoachingPage,
                        }),
                      },
                      {
                        path: 'kortingscodes',
                        lazy: async () => ({
                          Component: (await import('./pages/checkout/admin/AdminCouponsPage.tsx')).AdminCouponsPage,
                        }),
                      },
                      // marketing (blog): articles and comment moderation
                      {
                        path: 'blog',
                        lazy: async () => ({
                          Component: (await import('./pages/marketing/blog/admin/AdminBlogPostsPage.tsx')).AdminBlogPostsPage,
                        }),
                      },
                      {
                        path: 'blog/:postId',
                        lazy: async () => ({
                          Component: (await import('./pages/marketing/blog/admin/AdminBlogPostPage.tsx')).AdminBlogPostPage,
                        }),
                      },
                      {
                        path: 'reacties',
                        lazy: async () => ({
                          Component: (await import('./pages/marketing/blog/admin/AdminBlogCommentsPage.tsx')).AdminBlogCommentsPage,
                        }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            // coaching: the booking mails' signed link works without logging in.
            path: 'coaching/link/:token',
            lazy: async () => ({ Component: (await import('./pages/coaching/SessionLinkPage.tsx')).SessionLinkPage }),
          },
          {
            // The cancel link of the erasure mail works without logging in.
            path: 'account/privacy/annuleren',
            lazy: async () => ({ Component: (await import('./pages/privacy/CancelErasurePage.tsx')).CancelErasurePage }),
          },
          {
            path: 'dev/mailbox',
            lazy: async () => ({ Component: (await import('./pages/mail/DevMailboxPage.tsx')).DevMailboxPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
