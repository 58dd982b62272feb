import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

export const section1: CatalogueFile = {
  eventTypes: [],
  rules: rules([]),
};
