// bpmn-moddle ships no typings for its main entry; the corpus test re-parses files with it.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    $descriptor?: { properties: { name: string; isReference?: boolean }[] };
    id?: string;
    name?: string;
    [property: string]: unknown;
    $instanceOf(type: string): boolean;
  }
  export function BpmnModdle(): {
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string }[] }>;
  };
}
