/**
 * The widget's CSS, inside its Shadow DOM: `:host { all: initial }` stops the host page's inherited styles (fonts,
 * colours, line heights) at the border, and nothing here can reach the host page.
 */
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; width: 60px; height: 60px; border-radius: 50%;
  border: none; background: #1f6feb; color: #fff; cursor: pointer; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  display: flex; align-items: center; justify-content: center; z-index: 2147483000; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; border-radius: 11px;
  background: #d1242f; color: #fff; font-size: 12px; font-weight: 700; line-height: 22px; padding: 0 6px;
  text-align: center; }
.badge[hidden] { display: none; }
.panel { position: fixed; right: 20px; bottom: 92px; width: 370px; height: min(600px, calc(100vh - 112px));
  background: #fff; color: #1b1f24; border-radius: 14px; box-shadow: 0 8px 32px rgba(0,0,0,.25);
  display: flex; flex-direction: column; overflow: hidden; z-index: 2147483000; font-size: 15px; line-height: 1.4; }
.panel[hidden] { display: none; }
.page .panel { inset: 0; width: auto; height: auto; border-radius: 0; box-shadow: none; }
@media (max-width: 480px) { .panel { inset: 0; width: auto; height: auto; border-radius: 0; } }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #1f6feb; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; }
header button { background: transparent; border: none; color: #fff; font-size: 22px; cursor: pointer;
  width: 36px; height: 36px; border-radius: 8px; }
.page header button { display: none; }
.status { padding: 6px 14px; background: #fff8c5; color: #4d2d00; font-size: 13px; }
.status[hidden] { display: none; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f6f8fa; }
.empty { color: #57606a; text-align: center; margin: auto 16px; }
.msg { max-width: 82%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.in { align-self: flex-end; background: #1f6feb; color: #fff; border-bottom-right-radius: 4px; }
.msg.out { align-self: flex-start; background: #fff; border: 1px solid #d0d7de; border-bottom-left-radius: 4px; }
.msg.pending { opacity: .7; }
.msg.failed { background: #ffebe9; color: #82071e; border: 1px solid #ff8182; cursor: pointer; }
.meta { display: block; font-size: 11px; opacity: .75; margin-top: 2px; text-align: right; }
.msg img { display: block; max-width: 100%; max-height: 220px; min-width: 40px; min-height: 40px;
  object-fit: contain; background: #fff; border-radius: 8px; margin: 4px 0; cursor: pointer; }
.msg a { color: inherit; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.choices button { border: 1px solid #1f6feb; background: #fff; color: #1f6feb; border-radius: 16px;
  padding: 6px 12px; font-size: 14px; cursor: pointer; }
.choices button:disabled { opacity: .5; cursor: default; }
.choices.rating button { min-width: 36px; font-weight: 600; }
.choices button[aria-pressed="true"] { background: #1f6feb; color: #fff; opacity: 1; }
.rating-comment { display: flex; flex-direction: column; align-items: stretch; gap: 6px; margin: 4px 0 8px;
  padding: 0; border: 0; background: transparent; max-width: 85%; }
.rating-comment textarea { flex: none; font: inherit; font-size: 14px; border: 1px solid #cbd5e1; border-radius: 8px;
  padding: 6px 8px; resize: vertical; min-height: 56px; }
.rating-comment button { align-self: flex-start; width: auto; height: auto; border: 0; background: #1f6feb;
  color: #fff; border-radius: 8px; padding: 6px 12px; font-size: 14px; cursor: pointer; }
.rating-note { color: #475569; font-size: 13px; margin: 4px 0 8px; }
.typing { padding: 2px 14px 6px; font-size: 13px; color: #57606a; background: #f6f8fa; min-height: 20px; }
form { display: flex; align-items: flex-end; gap: 6px; padding: 8px; border-top: 1px solid #d0d7de; background: #fff; }
textarea { flex: 1; resize: none; border: 1px solid #d0d7de; border-radius: 10px; padding: 8px 10px;
  font-size: 15px; max-height: 120px; min-height: 40px; color: #1b1f24; background: #fff; }
form button { border: none; background: transparent; font-size: 20px; width: 40px; height: 40px;
  border-radius: 10px; cursor: pointer; color: #57606a; flex: none; }
form button.send { background: #1f6feb; color: #fff; }
form button svg { width: 22px; height: 22px; fill: currentColor; vertical-align: middle; }
.emoji { display: grid; grid-template-columns: repeat(8, 1fr); gap: 2px; padding: 6px 8px; border-top: 1px solid #d0d7de; background: #fff; }
.emoji[hidden] { display: none; }
.emoji button { border: none; background: transparent; font-size: 20px; padding: 4px; cursor: pointer; border-radius: 6px; }
.emoji button:hover { background: #f6f8fa; }
.drop { position: absolute; inset: 0; background: rgba(31,111,235,.12); border: 3px dashed #1f6feb;
  display: flex; align-items: center; justify-content: center; font-weight: 600; color: #1f6feb; pointer-events: none; }
.drop[hidden] { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
