/**
 * Sums nodes through a binary tree of unity-gain nodes, so no node ever has
 * more than two inputs: Chromium mixes three or more connections in a
 * varying order, which made renders differ run to run; pairs make them
 * bit-identical. Returns the node carrying the sum (a silent gain for none).
 */
export function pairwiseSum(context: BaseAudioContext, inputs: readonly AudioNode[], created: AudioNode[] = []): AudioNode {
  if (inputs.length === 1) return inputs[0]!;
  if (inputs.length === 0) {
    const silent = context.createGain();
    created.push(silent);
    return silent;
  }
  const next: AudioNode[] = [];
  for (let i = 0; i < inputs.length; i += 2) {
    if (i + 1 >= inputs.length) {
      next.push(inputs[i]!);
      continue;
    }
    const sum = context.createGain();
    inputs[i]!.connect(sum);
    inputs[i + 1]!.connect(sum);
    created.push(sum);
    next.push(sum);
  }
  return pairwiseSum(context, next, created);
}
