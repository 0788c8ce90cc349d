// The classroom server's limits: body sizes, request rates and live streams, with their defaults.
import { FAIR_DEFAULTS, type FairLimitSettings } from './fairLimits';

export interface ClassroomLimits extends FairLimitSettings {
  /** Largest request body accepted for a submission (an attempt's events), in bytes. */
  submissionBodyBytes: number;
  /** Largest body of any other request. */
  smallBodyBytes: number;
  /** Submissions one player may send per minute. */
  playerPerMinute: number;
  /** Submissions one room may receive per minute, all its players together. */
  roomPerMinute: number;
  /** Joins one room may receive per minute. */
  joinsPerRoomPerMinute: number;
  /** Teacher requests per room per minute. */
  teacherPerMinute: number;
  /** Rooms created per minute, all together. */
  roomsPerMinute: number;
  /** Students' live streams one room may hold open. */
  streamsPerRoom: number;
  /** Live streams one student may hold open (tabs of the game). */
  streamsPerPlayer: number;
  /** The teacher's live streams per room: counted apart, so students' streams never lock them out. */
  teacherStreamsPerRoom: number;
}

export const DEFAULT_LIMITS: ClassroomLimits = {
  submissionBodyBytes: 512 * 1024,
  smallBodyBytes: 8 * 1024,
  playerPerMinute: 30,
  roomPerMinute: 900,
  joinsPerRoomPerMinute: 300,
  teacherPerMinute: 600,
  roomsPerMinute: 60,
  streamsPerRoom: 200,
  streamsPerPlayer: 3,
  teacherStreamsPerRoom: 10,
  ...FAIR_DEFAULTS,
};
