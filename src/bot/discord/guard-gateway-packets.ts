import type { Client } from 'discord.js';
import type { Logger } from '../../core/ports.js';

interface PacketHandling {
  handlePacket(packet?: unknown, shard?: unknown): boolean;
}

/**
 * discord.js turns each gateway dispatch into its objects inside a listener of @discordjs/ws's
 * async message handler; a dispatch it cannot read (no data, an interaction without its type, a
 * message without an author) throws there, and the rejection is unhandled, which ends a Node
 * process. Such a dispatch is logged and dropped instead: there is no token or channel in it to
 * answer. The packet queue that discord.js drains before it is ready calls the same method, so
 * queued dispatches are covered too.
 */
export function guardGatewayPackets(client: Client, logger: Logger): void {
  const ws = client.ws as unknown as PacketHandling;
  const handlePacket = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    try {
      return handlePacket(packet, shard);
    } catch (err) {
      const event = (packet as { t?: unknown } | null | undefined)?.t;
      logger.warn(
        { event: typeof event === 'string' ? event : null, err: (err as Error).message },
        'discord gateway event could not be read; dropped',
      );
      return true;
    }
  };
}
