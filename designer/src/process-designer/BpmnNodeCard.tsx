import { Handle, type NodeProps, NodeResizer, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { BpmnGlyph, LoopMarker } from './BpmnGlyph';
import { CanvasActionsContext } from './canvas-actions';
import type { BpmnFlowNode, LaneFlowNode } from './canvas-data';
import { laneIdOf, laneMinSize } from './lane-ops';

/**
 * One BPMN node on the canvas: a circle for an event (thin ring at the start, thick at the end, double between),
 * a diamond for a gateway, a rounded box with its type's mark for a task, a large box for a sub-process. Events'
 * and gateways' names stand under them, as in every BPMN tool; a red mark tells a node has problems.
 */
export const BpmnNodeCard = memo(function BpmnNodeCard({ id, data, selected }: NodeProps<BpmnFlowNode>) {
  const { t } = useTranslation();
  const classes = [
    'prd-node',
    `prd-${data.figure}`,
    data.ring ? `prd-ring-${data.ring}` : '',
    data.dashed ? 'dashed' : '',
    selected ? 'selected' : '',
    data.problems.length ? 'has-problem' : '',
    data.trace ? `trace-${data.trace}` : '',
  ];
  const title = data.problems.length
    ? t('processDesigner.card.hasProblems', { text: data.problems.join('; ') })
    : `${data.typeName}${data.name ? ` «${data.name}»` : ''}`;
  const boxed = data.figure === 'task' || data.figure === 'subprocess';
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ width: data.width, height: data.height }}
      data-testid={`prd-node-${id}`}
      data-type={data.typeName}
      title={title}
    >
      <Handle
        id="in"
        type="target"
        position={Position.Left}
        className="prd-handle prd-in"
        isConnectable={!data.readOnly}
      />
      <div className="prd-figure">
        {data.figure === 'gateway' ? (
          <svg className="prd-diamond" viewBox="0 0 50 50" aria-hidden="true">
            <path d="M25 1.5L48.5 25 25 48.5 1.5 25z" />
          </svg>
        ) : null}
        <span className="prd-marker">
          <BpmnGlyph marker={data.marker} size={boxed ? 16 : data.figure === 'gateway' ? 26 : 20} />
        </span>
        {boxed && <span className="prd-task-name">{data.name || data.typeName}</span>}
        {data.loop && <LoopMarker mode={data.loop} />}
      </div>
      {!boxed && (data.name || data.figure === 'gateway') && (
        <span className="prd-outer-name">{data.name ?? ''}</span>
      )}
      {data.problems.length > 0 && (
        <span className="prd-problem-mark" data-testid={`prd-node-problem-${id}`}>
          !
        </span>
      )}
      <Handle
        id="out"
        type="source"
        position={Position.Right}
        className="prd-handle prd-out"
        isConnectable={!data.readOnly}
      />
    </div>
  );
});

/**
 * A lane: a band with its name written along its left edge; the nodes stand on it. Only the name strip (to select
 * and drag it) and, once selected, its resize handles take the pointer: the band lets clicks through to what is on it
 * and to the canvas under it.
 */
export const LaneCard = memo(function LaneCard({ id, data, selected }: NodeProps<LaneFlowNode>) {
  const { t } = useTranslation();
  const actions = useContext(CanvasActionsContext);
  const laneId = laneIdOf(id) ?? id;
  return (
    <div className={selected ? 'prd-lane selected' : 'prd-lane'} data-testid={`prd-lane-${laneId}`}>
      {!data.readOnly && (
        <NodeResizer
          isVisible={!!selected}
          minWidth={laneMinSize.width}
          minHeight={laneMinSize.height}
          color="#3056d3"
          handleClassName="prd-lane-handle"
          onResizeEnd={(_, box) => actions.resizeLane?.(laneId, box)}
        />
      )}
      <span
        className="prd-lane-name"
        data-testid={`prd-lane-title-${laneId}`}
        title={data.readOnly ? data.name : t('processDesigner.lane.dragTitle')}
      >
        {data.name}
      </span>
    </div>
  );
});
