import type { TFunction } from 'i18next';

/** Select options from values, each labelled by `processDesigner.fields.<group>.<value>`. */
export const optionsOf = <V extends string>(t: TFunction, group: string, values: readonly V[]) =>
  values.map((value) => ({ value, label: t(`processDesigner.fields.${group}.${value}`) }));
