import { createContext } from 'react';
import type { Box } from './process-layout';
import type { Point } from './waypoint-ops';

/** What lane cards and flow lines report from inside the canvas (their own gestures), to the designer's store. */
export interface CanvasActions {
  resizeLane?: (laneId: string, box: Box) => void;
  moveBend?: (flowId: string, index: number, to: Point) => void;
  removeBend?: (flowId: string, index: number) => void;
}

export const CanvasActionsContext = createContext<CanvasActions>({});
