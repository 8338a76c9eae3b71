/**
 * The desktop window's View menu, as the page carries it out (`ui:command`; never sent in browser mode,
 * where the page's own controls do the same). Pure dispatch: the shell supplies what each does.
 */
import type { UiCommand } from '../../src-main/contract';

export type ZoomOp = 'in' | 'out' | 'reset' | 'fit';

export interface UiTarget {
  showView(view: 'map' | 'table'): void;
  toggleLegend(): void;
  find(): void;
  zoom(op: ZoomOp): void;
}

export function runUiCommand(command: UiCommand, target: UiTarget): void {
  switch (command) {
    case 'view:map':
      return target.showView('map');
    case 'view:table':
      return target.showView('table');
    case 'zoom:in':
      return target.zoom('in');
    case 'zoom:out':
      return target.zoom('out');
    case 'zoom:reset':
      return target.zoom('reset');
    case 'zoom:fit':
      return target.zoom('fit');
    case 'legend:toggle':
      return target.toggleLegend();
    case 'find':
      return target.find();
  }
}
