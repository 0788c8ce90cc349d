// The tests play chapter 1 with the same scripted trainer as the reference attempt and the
// classroom's genuine attempts.
export { playSit } from '../../../src/levels/ch1/sitTrainer';
