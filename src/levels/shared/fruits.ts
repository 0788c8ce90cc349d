// The shared fruit file (levels/fruits.json), used by chapters 2 and 3: each fruit's features,
// the truth ("isApple"), the season it arrives in and what each seller says.
import { z } from 'zod';
import raw from '../../../levels/fruits.json';
import { parseLevelFile } from '../shared/levelFile';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id like "green-apple"');

export const fruitFileSchema = z
  .object({
    version: z.number().int().positive(),
    features: z.array(z.object({ id, labelKey: z.string().min(3) })).min(1),
    sellers: z.array(z.object({ id, nameKey: z.string().min(3) })).length(2, 'there must be exactly two sellers'),
    fruits: z
      .array(
        z.object({
          id,
          nameKey: z.string().min(3),
          art: z.string().min(1),
          season: z.number().int().positive(),
          isApple: z.boolean(),
          features: z.record(z.string(), z.boolean()),
          sellerSays: z.record(z.string(), z.boolean()),
        }),
      )
      .min(2),
  })
  .superRefine((file, ctx) => {
    const features = file.features.map((f) => f.id);
    const sellers = file.sellers.map((s) => s.id);
    file.fruits.forEach((fruit, i) => {
      for (const f of features) {
        if (typeof fruit.features[f] !== 'boolean')
          ctx.addIssue({
            code: 'custom',
            path: ['fruits', i, 'features', f],
            message: `fruit "${fruit.id}" needs a yes/no value for "${f}"`,
          });
      }
      for (const s of sellers) {
        if (typeof fruit.sellerSays[s] !== 'boolean')
          ctx.addIssue({
            code: 'custom',
            path: ['fruits', i, 'sellerSays', s],
            message: `fruit "${fruit.id}" needs what "${s}" says`,
          });
      }
    });
  });

export type FruitFile = z.output<typeof fruitFileSchema>;
export type Fruit = FruitFile['fruits'][number];
export const FRUIT_FILE = 'levels/fruits.json';

export function loadFruits(data: unknown = raw): FruitFile {
  return parseLevelFile(FRUIT_FILE, fruitFileSchema, data);
}
