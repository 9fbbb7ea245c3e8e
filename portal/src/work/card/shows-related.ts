import { type FormBody, walkLayout } from '@opora/runtime/definitions';

/** Whether the analyst put a list of linked records (a client's requests…) on the form already. */
export const showsRelated = (form: FormBody): boolean =>
  [...walkLayout(form.layout)].some(({ element }) => element.type === 'related');
