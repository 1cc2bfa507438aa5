import { Logo } from '../../components/Logo.tsx'

/**
 * The catalogue card's picture: a drawn cover (brand gradient, logo, a chat bubble) until courses get
 * uploaded artwork. Decorative: the card's heading names the course.
 */
export function CourseCover() {
  return (
    <div className="course-cover" aria-hidden="true">
      <Logo size={44} />
      <span className="course-cover__bubble course-cover__bubble--bot">Hoi! 👋</span>
      <span className="course-cover__bubble course-cover__bubble--user">🎂 ✓</span>
    </div>
  )
}
