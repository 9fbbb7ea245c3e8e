import type { TreeBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { findNode, removalSet } from './tree-ops';

/** «Удалить узел?», saying how many nodes go with it (its subtree). */
export function RemoveNodeDialog({
  body,
  id,
  onConfirm,
  onCancel,
}: {
  body: TreeBody;
  id: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const count = removalSet(body, id).size;
  return (
    <ConfirmDialog
      title={t('treeDesigner.remove.title')}
      text={t(count > 1 ? 'treeDesigner.remove.many' : 'treeDesigner.remove.one', {
        title: findNode(body, id)?.title.ru ?? id,
        count,
      })}
      confirmLabel={t('treeDesigner.remove.confirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
