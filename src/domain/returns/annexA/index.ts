export type { AnnexAContext, AnnexAList, AnnexAProvider, AnnexARange } from './annexATypes';
export { annexADefinitions, annexALists } from './annexALists';
export { annexACsv, annexAWorkbook, sheetNameOf } from './annexAWorkbook';
