import { AppError } from '../../http/app-error.js';

/** The refusals of taking, transferring and returning dialogs; each names who or what stands in the way. */
export const refuse = {
  taken: (name: string, operatorId: string) =>
    new AppError(409, 'dialog_taken', 'dialog_taken', { name }, [
      { pointer: '/operatorId', message: operatorId },
    ]),
  closed: () => new AppError(409, 'dialog_closed', 'dialog_closed'),
  notHeld: () => new AppError(409, 'dialog_not_held', 'dialog_not_held'),
  heldByOther: () => new AppError(403, 'forbidden', 'dialog_held_by_other'),
  offline: (name: string) => new AppError(409, 'operator_offline', 'operator_offline', { name }),
  notServing: (name: string, line: string) =>
    new AppError(409, 'operator_not_serving', 'operator_not_serving', { name, line }),
  full: (name: string, load: number, capacity: number) =>
    new AppError(409, 'operator_full', 'operator_full', { name, load, capacity }),
  ownFull: (load: number, capacity: number) =>
    new AppError(409, 'operator_full', 'operator_full_self', { load, capacity }),
  notOperator: (name: string) => new AppError(409, 'not_an_operator', 'not_an_operator', { name }),
};
