import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

export const specialistServiceStatement: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
