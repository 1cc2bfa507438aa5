import { createBrowserRouter, Navigate, Outlet } from 'react-router'
import { Layout } from './components/Layout.tsx'
import { Loading } from './components/Loading.tsx'
import { RequireAdmin } from './components/RequireAdmin.tsx'
import { RequireAuth } from './components/RequireAuth.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { PrivacyPage } from './pages/PrivacyPage.tsx'
import { RouteErrorPage } from './pages/RouteErrorPage.tsx'

// The landing page ships in the main bundle; pages with forms (and with them zod and the shared
// schemas) load on first visit.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: Loading,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          {
            path: 'voorwaarden',
            lazy: async () => ({ Component: (await import('./pages/TermsPage.tsx')).TermsPage }),
          },
          {
            path: 'signup',
            lazy: async () => ({ Component: (await import('./pages/SignUpPage.tsx')).SignUpPage }),
          },
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('./pages/login/LogInPage.tsx')).LogInPage }),
          },
          {
            path: 'verify-email',
            lazy: async () => ({ Component: (await import('./pages/VerifyEmailPage.tsx')).VerifyEmailPage }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({ Component: (await import('./pages/ForgotPasswordPage.tsx')).ForgotPasswordPage }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({ Component: (await import('./pages/ResetPasswordPage.tsx')).ResetPasswordPage }),
          },
          {
            path: 'confirm-email',
            lazy: async () => ({ Component: (await import('./pages/ConfirmEmailPage.tsx')).ConfirmEmailPage }),
          },
          {
            path: 'cursussen',
            lazy: async () => ({ Component: (await import('./pages/course/CatalogPage.tsx')).CatalogPage }),
          },
          {
            path: 'cursus/:courseSlug',
            lazy: async () => ({ Component: (await import('./pages/course/CoursePage.tsx')).CoursePage }),
          },
          {
            path: 'cursus/:courseSlug/les/:lessonSlug',
            lazy: async () => ({ Component: (await import('./pages/course/LessonPage.tsx')).LessonPage }),
          },
          {
            path: 'certificaat/:code',
            lazy: async () => ({ Component: (await import('./pages/course/CertificatePage.tsx')).CertificatePage }),
          },
          {
            path: 'prijzen',
            lazy: async () => ({ Component: (await import('./pages/PricingPage.tsx')).PricingPage }),
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
              {
                path: 'account/bestellingen',
                lazy: async () => ({ Component: (await import('./pages/account/OrdersPage.tsx')).OrdersPage }),
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
                lazy: async () => ({ Component: (await import('./pages/course/DashboardPage.tsx')).DashboardPage }),
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
                    lazy: async () => ({ Component: (await import('./pages/admin/AdminShell.tsx')).AdminShell }),
                    children: [
                      { index: true, element: <Navigate to="/admin/cursussen" replace /> },
                      {
                        path: 'toegang',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/CourseAccessPage.tsx')).CourseAccessPage,
                        }),
                      },
                      {
                        path: 'cursussen',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminCoursesPage.tsx')).AdminCoursesPage,
                        }),
                      },
                      {
                        path: 'cursussen/:courseSlug',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminCoursePage.tsx')).AdminCoursePage,
                        }),
                      },
                      {
                        path: 'cursussen/:courseSlug/les/:lessonId',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminLessonPage.tsx')).AdminLessonPage,
                        }),
                      },
                      {
                        path: 'bestellingen',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminOrdersPage.tsx')).AdminOrdersPage,
                        }),
                      },
                      {
                        path: 'bestellingen/:orderId',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminOrderPage.tsx')).AdminOrderPage,
                        }),
                      },
                      {
                        path: 'producten',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminProductsPage.tsx')).AdminProductsPage,
                        }),
                      },
                      {
                        path: 'kortingscodes',
                        lazy: async () => ({
                          Component: (await import('./pages/admin/AdminCouponsPage.tsx')).AdminCouponsPage,
                        }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            path: 'dev/mailbox',
            lazy: async () => ({ Component: (await import('./pages/dev/DevMailboxPage.tsx')).DevMailboxPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
