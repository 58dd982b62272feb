import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

export const section5: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
