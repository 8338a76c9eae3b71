/** The core's history key of a tenant the page has selected or hovers (engine and the tenant's own id). */
import { tenantHistoryKey } from '../../src-main/shared/history-keys';
import type { Selection } from '../state/world';

export const selectionHistoryKey = (selection: Selection): string => tenantHistoryKey(selection.engineId, selection.kind === 'container' ? selection.id : selection.uuid);
