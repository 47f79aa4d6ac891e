/**
 * Hybrid logical clock. A timestamp is `wall:counter:node`, zero-padded so that plain string
 * comparison orders them: wall-clock milliseconds first, then a counter for events within the same
 * millisecond (or while the wall clock lags a clock we have already seen), then the node id as the
 * final tie-breaker so that two devices can never produce equal stamps.
 */
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export interface HlcParts {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc({ wall, counter, node }: HlcParts): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${node}`;
}

const HLC_PATTERN = /^(\d{15}):(\d{6}):([A-Za-z0-9-]{1,64})$/;

export function parseHlc(value: string): HlcParts {
  const match = HLC_PATTERN.exec(value);
  if (!match) throw new Error(`Malformed HLC timestamp: ${value.slice(0, 80)}`);
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

export interface Hlc {
  readonly node: string;
  /** A new timestamp, greater than every timestamp issued or received so far. */
  now(): string;
  /** Merge a timestamp seen from another node so later local stamps sort after it. */
  receive(remote: string): void;
}

/**
 * A counter past what its six digits hold carries into the wall time, a millisecond ahead, as other
 * HLCs do: a longer counter would sort before shorter ones as text, and the server would refuse it.
 */
function carried(wall: number, counter: number, node: string): HlcParts {
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}

export function createHlc(node: string, wallClock: () => number, last?: string): Hlc {
  let state: HlcParts = last ? { ...parseHlc(last), node } : { wall: 0, counter: 0, node };
  return {
    node,
    now() {
      const physical = wallClock();
      state =
        physical > state.wall
          ? { wall: physical, counter: 0, node }
          : carried(state.wall, state.counter + 1, node);
      return formatHlc(state);
    },
    receive(remote) {
      const other = parseHlc(remote);
      const physical = wallClock();
      const wall = Math.max(state.wall, other.wall, physical);
      let counter = 0;
      if (wall === state.wall && wall === other.wall) counter = Math.max(state.counter, other.counter) + 1;
      else if (wall === state.wall) counter = state.counter + 1;
      else if (wall === other.wall) counter = other.counter + 1;
      state = carried(wall, counter, node);
    },
  };
}
