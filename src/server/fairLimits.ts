// Limits that keep one student from locking the class out, without locking out the class: a
// whole class usually reaches the server from one address (the school's network), so an address
// is never refused for what a class does in a lesson. Joins from one address are slowed, not
// refused, past a burst (Pacer); failed join-code lookups are counted per address and per device,
// so guessing codes is slowed to a crawl while a typo costs nothing; a device the teacher removed
// stays out until the teacher lets it back in (see roomAccess.ts).
// The server's own computer (loopback, with no proxy's forwarding header) is the teacher's: it is
// not slowed, and it may create competitions without the server password.
import type { FastifyRequest } from 'fastify';
import { type HitCounter, Pacer } from './rateStore';

export interface FairLimitSettings {
  /** Joins one device may make per minute (leaving and joining again, typos of the code). */
  joinsPerDevicePerMinute: number;
  /** Joins from one address that pass at once; later ones are spaced joinIntervalMs apart. */
  joinBurstPerAddress: number;
  joinIntervalMs: number;
  /** A join that would wait longer than this is refused (try again shortly). */
  joinMaxWaitMs: number;
  /** Failed join-code lookups (join, QR code) one address may make per minute. */
  failedLookupsPerAddressPerMinute: number;
  /** Failed join-code lookups one device may make per minute. */
  failedLookupsPerDevicePerMinute: number;
}

export const FAIR_DEFAULTS: FairLimitSettings = {
  joinsPerDevicePerMinute: 6,
  joinBurstPerAddress: 40,
  joinIntervalMs: 500,
  joinMaxWaitMs: 10_000,
  failedLookupsPerAddressPerMinute: 60,
  failedLookupsPerDevicePerMinute: 10,
};

/** The id the student's game keeps for its device (random, made by the game). */
export const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** The request comes from the server's own computer, not through a proxy on it. */
export function fromServerComputer(req: FastifyRequest): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && !FORWARDED.some((h) => req.headers[h] !== undefined);
}

export function addressOf(req: FastifyRequest): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export class TooManyError extends Error {}

const MINUTE = 60_000;

export class JoinGuard {
  private readonly pacer: Pacer;

  constructor(
    private readonly settings: FairLimitSettings,
    private readonly counter: HitCounter,
  ) {
    this.pacer = new Pacer(settings.joinBurstPerAddress, settings.joinIntervalMs, settings.joinMaxWaitMs);
  }

  /**
   * Before a join-code lookup: refuses a client that failed too many lookups or joined too often
   * from its device, and slows a flood from one address (resolves after the wait).
   */
  async before(req: FastifyRequest, device: string | null, joining: boolean): Promise<void> {
    if (fromServerComputer(req)) return;
    const s = this.settings;
    const [byAddress, byDevice] = await Promise.all([
      this.counter.peek(`lookup-fail:${addressOf(req)}`, MINUTE),
      device ? this.counter.peek(`lookup-fail:device:${device}`, MINUTE) : 0,
    ]);
    if (byAddress >= s.failedLookupsPerAddressPerMinute || byDevice >= s.failedLookupsPerDevicePerMinute)
      throw new TooManyError('Too many wrong join codes; check the code with your teacher and try again in a minute.');
    if (!joining) return;
    if (device && (await this.counter.hit(`join:device:${device}`, MINUTE)) > s.joinsPerDevicePerMinute)
      throw new TooManyError('Too many joins from this device; try again in a minute.');
    const wait = this.pacer.take(addressOf(req));
    if (wait === null) throw new TooManyError('Many students are joining at once; try again in a few seconds.');
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /** A lookup found no competition: counted against the address and the device. */
  async failed(req: FastifyRequest, device: string | null): Promise<void> {
    if (fromServerComputer(req)) return;
    await Promise.all([
      this.counter.hit(`lookup-fail:${addressOf(req)}`, MINUTE),
      device ? this.counter.hit(`lookup-fail:device:${device}`, MINUTE) : 0,
    ]);
  }
}
