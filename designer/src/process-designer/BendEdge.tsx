import {
  BaseEdge,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  getSmoothStepPath,
  useReactFlow,
} from '@xyflow/react';
import { memo, type PointerEvent, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasActionsContext } from './canvas-actions';
import { flowIdOf } from './process-ops';
import type { Point } from './waypoint-ops';

export interface BendData extends Record<string, unknown> {
  bends: Point[];
  readOnly?: boolean;
}

export type BendFlowEdge = Edge<BendData, 'bend'>;

/**
 * A sequence flow: an orthogonal line of React Flow's own while it has no bend points, else straight segments
 * through them. A selected flow shows its bends as handles to drag; a double-click on one removes it.
 */
export const BendEdge = memo(function BendEdge(props: EdgeProps<BendFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const { t } = useTranslation();
  const actions = useContext(CanvasActionsContext);
  const flow = useReactFlow();
  const [drag, setDrag] = useState<{ index: number; at: Point; moved: boolean } | null>(null);
  const flowId = flowIdOf(id) ?? id;
  const bends = (data?.bends ?? []).map((p, i) => (drag?.index === i ? drag.at : p));
  let path: string;
  let labelX: number;
  let labelY: number;
  if (!bends.length) {
    [path, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
    });
  } else {
    const line = [{ x: sourceX, y: sourceY }, ...bends, { x: targetX, y: targetY }];
    path = `M${line.map((p) => `${p.x},${p.y}`).join(' L')}`;
    // The label stands in the middle of the middle segment.
    const a = line[Math.floor((line.length - 1) / 2)] as Point;
    const b = line[Math.floor((line.length - 1) / 2) + 1] as Point;
    labelX = (a.x + b.x) / 2;
    labelY = (a.y + b.y) / 2;
  }
  const at = (event: PointerEvent) => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
  const editable = selected && !data?.readOnly && !!actions.moveBend;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        label={props.label}
        labelX={labelX}
        labelY={labelY}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        labelBgBorderRadius={props.labelBgBorderRadius}
        interactionWidth={props.interactionWidth}
      />
      {editable && (
        <EdgeLabelRenderer>
          {bends.map((p, index) => (
            <button
              type="button"
              // biome-ignore lint/suspicious/noArrayIndexKey: a bend is its place in the line
              key={index}
              className="prd-bend nodrag nopan"
              aria-label={t('processDesigner.flow.bendTitle')}
              data-testid={`prd-bend-${flowId}-${index}`}
              title={t('processDesigner.flow.bendTitle')}
              style={{ transform: `translate(-50%, -50%) translate(${p.x}px, ${p.y}px)` }}
              onPointerDown={(event) => {
                if (event.button !== 0) return;
                event.stopPropagation();
                event.currentTarget.setPointerCapture(event.pointerId);
                setDrag({ index, at: p, moved: false });
              }}
              onPointerMove={(event) => {
                if (drag?.index === index) setDrag({ index, at: at(event), moved: true });
              }}
              onPointerUp={(event) => {
                if (drag?.index === index && drag.moved) actions.moveBend?.(flowId, index, at(event));
                setDrag(null);
              }}
              onDoubleClick={(event) => {
                event.stopPropagation();
                actions.removeBend?.(flowId, index);
              }}
            />
          ))}
        </EdgeLabelRenderer>
      )}
    </>
  );
});
