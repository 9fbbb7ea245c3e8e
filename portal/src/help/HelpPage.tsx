import { usePath } from '../lib/router';
import { parseHelpPath } from './help-paths';
import { TreeHelper } from './TreeHelper';

/** `/help/<tree>/<id>/…`: the helper on a page of its own. */
export function HelpPage() {
  const tree = parseHelpPath(usePath())?.tree ?? '';
  return <TreeHelper key={tree} treeKey={tree} />;
}
