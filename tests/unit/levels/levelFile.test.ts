import { describe, expect, it } from 'vitest';
import raw from '../../../levels/01-sit-bit.json';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { LevelFileError, parseLevelText } from '../../../src/levels/shared/levelFile';
import { sitLevelSchema } from '../../../src/levels/ch1/sitLevel';

const broken = (patch: (l: Record<string, unknown>) => void) => {
  const copy = JSON.parse(JSON.stringify(raw));
  patch(copy);
  return copy;
};

describe('level files', () => {
  it('chapter 1 loads', () => {
    expect(loadSitLevel().commands.map((c) => c.id)).toEqual(['sit', 'speak', 'shake', 'down']);
  });

  it('a wrong type names the file, the field and what was found', () => {
    const e = (() => {
      try {
        loadSitLevel(broken((l) => ((l.learning as Record<string, unknown>).learningRate = 'fast')));
      } catch (err) {
        return err as LevelFileError;
      }
    })();
    expect(e).toBeInstanceOf(LevelFileError);
    expect(e!.message).toContain('levels/01-sit-bit.json');
    expect(e!.message).toContain("field 'learning.learningRate'");
    expect(e!.message).toContain('the text "fast"');
  });

  it('cross-field mistakes are reported on the right field', () => {
    expect(() => loadSitLevel(broken((l) => ((l.commands as { target: string }[])[1].target = 'fly')))).toThrow(
      /commands\[1\]\.target.*"fly" is not one of the actions/,
    );
    expect(() => loadSitLevel(broken((l) => ((l.challenge as { passAt: number }).passAt = 11)))).toThrow(
      /challenge\.passAt/,
    );
    expect(() => loadSitLevel(broken((l) => delete l.stars))).toThrow(/field 'stars'/);
  });

  it('broken JSON text is reported with the file name', () => {
    expect(() => parseLevelText('levels/01-sit-bit.json', sitLevelSchema, '{"chapter": 1,')).toThrow(
      /levels\/01-sit-bit\.json is broken:\n.*not valid JSON/,
    );
  });
});
