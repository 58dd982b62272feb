import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

export const resourceServicePolicy: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
