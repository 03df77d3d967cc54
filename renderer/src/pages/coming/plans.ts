/**
 * What each not-yet-built page will offer, so the analyst sees the plan instead of an empty screen.
 * Wording follows the product description in DESIGN.md.
 */
import type { PageId } from '../../app/routes.ts'

export interface PagePlan {
  title: string
  summary: string
  items: string[]
}

export const PAGE_PLANS: Partial<Record<PageId, PagePlan>> = {}
