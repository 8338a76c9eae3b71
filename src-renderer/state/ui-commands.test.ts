import { describe, expect, it } from 'vitest';
import type { UiCommand } from '../../src-main/contract';
import { runUiCommand, type UiTarget } from './ui-commands';

function recorder(): { target: UiTarget; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    target: {
      showView: (view) => calls.push(`view ${view}`),
      toggleLegend: () => calls.push('legend'),
      find: () => calls.push('find'),
      zoom: (op) => calls.push(`zoom ${op}`),
    },
  };
}

describe('runUiCommand', () => {
  it.each<[UiCommand, string]>([
    ['view:map', 'view map'],
    ['view:table', 'view table'],
    ['zoom:in', 'zoom in'],
    ['zoom:out', 'zoom out'],
    ['zoom:reset', 'zoom reset'],
    ['zoom:fit', 'zoom fit'],
    ['legend:toggle', 'legend'],
    ['find', 'find'],
  ])('%s → %s', (command, call) => {
    const { target, calls } = recorder();
    runUiCommand(command, target);
    expect(calls).toEqual([call]);
  });

  it('ignores a command it does not know (a newer main side)', () => {
    const { target, calls } = recorder();
    runUiCommand('zoom:spin' as UiCommand, target);
    expect(calls).toEqual([]);
  });
});
