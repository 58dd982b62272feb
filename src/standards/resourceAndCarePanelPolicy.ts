import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

export const resourceAndCarePanelPolicy: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
