import { DATASET_KIND_NAMES } from '../../../shared/domain/fields.ts'

/** The Chinese name of a dataset kind; unknown kinds (a newer engine) fall back to the raw code. */
export const kindName = (kind: string): string =>
  Object.hasOwn(DATASET_KIND_NAMES, kind) ? DATASET_KIND_NAMES[kind as keyof typeof DATASET_KIND_NAMES] : kind
