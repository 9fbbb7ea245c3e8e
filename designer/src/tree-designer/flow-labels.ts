import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * React Flow's own screen-reader texts and control tooltips, in the interface's language (the library ships them in
 * English only). Every canvas of the designer passes this as `ariaLabelConfig`, and names its edges with
 * `edgeLabel`; the texts live in the tree designer's dictionary under `treeDesigner.flow`.
 */
export function useFlowLabels(): {
  ariaLabelConfig: AriaLabelConfig;
  edgeLabel: (from: string, to: string) => string;
  /** React Flow writes «node» / «edge» as each element's role description; these replace them. */
  nodeAttributes: { 'aria-roledescription': string };
  edgeAttributes: { 'aria-roledescription': string };
} {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the language, which `t` follows.
  return useMemo(
    () => ({
      ariaLabelConfig: {
        'node.a11yDescription.default': t('treeDesigner.flow.node'),
        'node.a11yDescription.keyboardDisabled': t('treeDesigner.flow.nodeKeyboard'),
        'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
          t('treeDesigner.flow.nodeMoved', { direction, x, y }),
        'edge.a11yDescription.default': t('treeDesigner.flow.edgeHint'),
        'controls.ariaLabel': t('treeDesigner.flow.controls'),
        'controls.zoomIn.ariaLabel': t('treeDesigner.flow.zoomIn'),
        'controls.zoomOut.ariaLabel': t('treeDesigner.flow.zoomOut'),
        'controls.fitView.ariaLabel': t('treeDesigner.flow.fitView'),
        'controls.interactive.ariaLabel': t('treeDesigner.flow.interactive'),
        'minimap.ariaLabel': t('treeDesigner.flow.minimap'),
        'handle.ariaLabel': t('treeDesigner.flow.handle'),
      },
      edgeLabel: (from: string, to: string) => t('treeDesigner.flow.edge', { from, to }),
      nodeAttributes: { 'aria-roledescription': t('treeDesigner.flow.nodeRole') },
      edgeAttributes: { 'aria-roledescription': t('treeDesigner.flow.edgeRole') },
    }),
    [t, i18n.language],
  );
}
