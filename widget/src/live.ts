import type { LiveMessage } from '@opora/sdk';

/**
 * The widget's WebSocket, reopened after a drop with a growing pause (1 s up to 15 s) and at once when the browser
 * says it is online again. `onOpen` runs after every (re)connection: the widget then reads what it missed.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly url: () => string,
    private readonly handlers: {
      onMessage: (message: LiveMessage) => void;
      onOpen: () => void;
      onClose: () => void;
    },
  ) {
    addEventListener('online', () => this.reconnectNow());
  }

  open(): void {
    this.stopped = false;
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.handlers.onOpen();
    };
    socket.onmessage = (event) => {
      try {
        this.handlers.onMessage(JSON.parse(String(event.data)) as LiveMessage);
      } catch {
        // a message we cannot read is skipped; the next resync brings what matters
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handlers.onClose();
      if (!this.stopped) this.schedule();
    };
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  private schedule(): void {
    const delay = Math.min(15_000, 1000 * 2 ** this.attempt++);
    this.timer = setTimeout(() => this.open(), delay);
  }

  /** Closes the socket and opens it again at once (the network is back, or the visitor's token changed). */
  reconnectNow(): void {
    if (this.stopped || this.connected) return;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
    this.open();
  }
}
