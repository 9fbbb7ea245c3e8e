import type { BlockOfType, BlockType } from '@opora/runtime/bots';
import { AskPanel } from './ask/Panel';
import { ButtonsPanel } from './buttons/Panel';
import { ConditionPanel } from './condition/Panel';
import { EndPanel } from './end/Panel';
import { GoToBotPanel } from './go-to-bot/Panel';
import { HandOverPanel } from './hand-over/Panel';
import { IntegrationPanel } from './integration/Panel';
import { KbSearchPanel } from './kb-search/Panel';
import { MessagePanel } from './message/Panel';
import type { PanelComponent } from './panel-props';
import { ProcessPanel } from './process/Panel';
import { RecordPanel } from './record/Panel';
import { ScriptPanel } from './script/Panel';
import { SetVariablePanel } from './set-variable/Panel';
import { WaitPanel } from './wait/Panel';

/**
 * The properties panel of every block type, in folders mirroring the runtime's (runtime/src/bots/blocks/<type>).
 * A block type added to the runtime without a panel here is a compile error.
 */
export const blockPanels: { [T in BlockType]: PanelComponent<BlockOfType<T>> } = {
  message: MessagePanel,
  buttons: ButtonsPanel,
  ask: AskPanel,
  'set-variable': SetVariablePanel,
  condition: ConditionPanel,
  script: ScriptPanel,
  integration: IntegrationPanel,
  'kb-search': KbSearchPanel,
  record: RecordPanel,
  process: ProcessPanel,
  'hand-over': HandOverPanel,
  'go-to-bot': GoToBotPanel,
  wait: WaitPanel,
  end: EndPanel,
};
