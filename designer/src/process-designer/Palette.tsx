import { nodeTypeNames } from '@opora/runtime/definitions';
import type { NodeType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { BpmnGlyph } from './BpmnGlyph';
import { figureOf } from './figure-of';
import { newNode } from './new-nodes';

/** The drag data type a palette item carries onto the canvas. */
export const paletteDragType = 'application/x-opora-bpmn-node';

/** Every node type, in BPMN's three families; a test checks that none is missing. */
export const paletteGroups: { title: 'events' | 'tasks' | 'gateways'; types: NodeType[] }[] = [
  {
    title: 'events',
    types: [
      'bpmn.startEvent',
      'bpmn.endEvent',
      'bpmn.intermediateCatchEvent',
      'bpmn.intermediateThrowEvent',
      'bpmn.boundaryEvent',
    ],
  },
  {
    title: 'tasks',
    types: [
      'bpmn.userTask',
      'opora.approvalTask',
      'bpmn.serviceTask',
      'bpmn.subProcess',
      'bpmn.callActivity',
    ],
  },
  {
    title: 'gateways',
    types: [
      'bpmn.exclusiveGateway',
      'bpmn.parallelGateway',
      'bpmn.inclusiveGateway',
      'bpmn.eventBasedGateway',
    ],
  },
];

const emptyBody = { schemaVersion: 2 as const, title: { ru: '' }, nodes: [], flows: [] };

/**
 * BPMN's elements, each with its figure: a click adds one beside the selection, a drag puts it where dropped. Below
 * them, a lane: a click adds one around the diagram, or under the lowest lane.
 */
export function Palette({ onAdd, onAddLane }: { onAdd: (type: NodeType) => void; onAddLane?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <nav className="prd-palette" aria-label={t('processDesigner.palette.title')} data-testid="prd-palette">
      {paletteGroups.map((group) => (
        <section key={group.title}>
          <h3>{t(`processDesigner.palette.${group.title}`)}</h3>
          <div className="prd-palette-items">
            {group.types.map((type) => {
              const look = figureOf(newNode(emptyBody, type, { x: 0, y: 0 }));
              return (
                <button
                  key={type}
                  type="button"
                  draggable
                  className="btn prd-palette-item"
                  data-testid={`prd-add-${type}`}
                  title={t('processDesigner.palette.add', { name: nodeTypeNames[type][lang] })}
                  onClick={() => onAdd(type)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(paletteDragType, type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                >
                  <span
                    className={`prd-mini prd-mini-${look.figure} ${look.ring ? `prd-ring-${look.ring}` : ''}`}
                  >
                    <BpmnGlyph marker={look.marker} size={14} />
                  </span>
                  <span>{nodeTypeNames[type][lang]}</span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
      {onAddLane && (
        <section>
          <h3>{t('processDesigner.palette.lanes')}</h3>
          <div className="prd-palette-items">
            <button
              type="button"
              className="btn prd-palette-item"
              data-testid="prd-add-lane"
              title={t('processDesigner.palette.addLaneTitle')}
              onClick={onAddLane}
            >
              <span className="prd-mini prd-mini-lane" aria-hidden="true" />
              <span>{t('processDesigner.palette.addLane')}</span>
            </button>
          </div>
        </section>
      )}
    </nav>
  );
}
