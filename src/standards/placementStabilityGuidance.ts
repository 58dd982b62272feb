import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

export const placementStabilityGuidance: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
