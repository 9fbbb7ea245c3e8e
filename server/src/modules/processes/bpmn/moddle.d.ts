// bpmn-moddle and bpmn-auto-layout ship no typings for their main entry; these cover what the BPMN import uses.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    $attrs?: Record<string, string>;
    $descriptor: { properties: { name: string; isMany?: boolean; isReference?: boolean }[] };
    id?: string;
    name?: string;
    [property: string]: unknown;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    references: unknown[];
    warnings: { message: string }[];
    elementsById: Record<string, ModdleElement>;
  }
  export interface Moddle {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
  }
  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): Moddle;
}

declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
