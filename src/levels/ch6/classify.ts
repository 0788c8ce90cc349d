// Chapter 6's one way of asking the net for its answers: every classification in the chapter (the
// report card, the Demon's throws, the player's drawings, the trick's digits) goes through here, so
// a faster engine kernel changes one line.
import { predictClasses, type DenseNetwork, type InputMatrix } from '../../engine';

/** The net's answer (0..9) for each row of `inputs` (784 values a row, 0..1). */
export function classify(net: DenseNetwork, inputs: Float32Array | InputMatrix): Int32Array {
  return predictClasses(net, inputs);
}
