import type { PanelProps } from '../panel-types';
import { TextSetting } from '../settings';

/** Search box: an optional heading and the hint inside the box. */
export function SearchPanel({ config, onChange, problems }: PanelProps<'search'>) {
  return (
    <>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <TextSetting setting="placeholder" config={config} onChange={onChange} problems={problems} />
    </>
  );
}
